import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomTransform } from 'd3-zoom';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import {
  baseScale,
  clampTransform,
  followTime,
  maxZoom,
  transformForWindow,
  viewScale,
  type TimeScale,
} from './scale';

export interface TimeZoom {
  /** Time to pixels in the visible window. */
  scale: TimeScale;
  /** Zoom by `factor` (> 1 in) around pixel `atX` (default: the middle). */
  zoomBy(factor: number, atX?: number): void;
  /** Move the window by `px` pixels (positive: later times come into view). */
  panBy(px: number): void;
  /** Show the whole run. */
  fit(): void;
  /** Pan, if needed, so that time `t` is in view. */
  follow(t: number): void;
}

/** Wheel notches (100 px of deltaY) to zoom by about 1.15 each, whatever the device. */
function wheelDelta(event: WheelEvent): number {
  return -event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002);
}

/**
 * d3-zoom on one element (the lanes area), along the time axis only. Drag
 * pans; Ctrl (or ⌘) + wheel and pinch zoom; Shift + wheel and horizontal
 * wheels pan; a plain wheel is left to the page, which scrolls the lanes.
 * The zoom's transform is the one source of the window: buttons, keys and
 * cursor-following go through the same behavior, so d3 never disagrees with
 * what is drawn. At most one React render per animation frame.
 */
export function useTimeZoom(
  el: HTMLElement | null,
  width: number,
  endT: number,
  /** The window a new run opens on (null: the whole run); asked when the run changes. */
  openOn: () => [number, number] | null = () => null,
): TimeZoom {
  const behavior = useMemo(() => zoom<HTMLElement, unknown>(), []);
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const base = useMemo(() => baseScale(endT, width), [endT, width]);
  const maxK = maxZoom(endT);
  const scale = useMemo(() => viewScale(base, transform), [base, transform]);
  const shown = useRef<{ endT: number; domain: [number, number] } | null>(null);
  const openedFor = useRef<number | null>(null);

  useEffect(() => {
    if (!el) return;
    let frame = 0;
    let latest: ZoomTransform | null = null;
    const w = Math.max(1, width);
    behavior
      .scaleExtent([1, maxK])
      .extent([
        [0, 0],
        [w, 1],
      ])
      .constrain((t) => clampTransform(t, w, maxK))
      .filter((event: Event) => {
        if (event.type === 'wheel') {
          const wheel = event as WheelEvent;
          return wheel.ctrlKey || wheel.metaKey;
        }
        const mouse = event as MouseEvent;
        return !mouse.ctrlKey && !mouse.button;
      })
      .wheelDelta(wheelDelta)
      .clickDistance(4)
      .on('zoom', (event: { transform: ZoomTransform }) => {
        latest = event.transform;
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          const next = latest;
          if (next) flushSync(() => setTransform(next));
        });
      });
    const selection = select(el);
    selection.call(behavior);
    // A double click is two clicks that seek; it must not also zoom.
    selection.on('dblclick.zoom', null);
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey || event.metaKey) return;
      const dx = event.deltaX !== 0 ? event.deltaX : event.shiftKey ? event.deltaY : 0;
      if (dx === 0) return;
      event.preventDefault();
      const k = zoomTransform(el).k;
      behavior.translateBy(selection, -dx / k, 0);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('wheel', onWheel);
      selection.on('.zoom', null);
    };
  }, [el, behavior, width, maxK]);

  // A new run opens on its opening window; a new width keeps the same window.
  useEffect(() => {
    if (!el) return;
    const before = shown.current;
    // `shown` follows every render, even before the lanes area exists: whether
    // this run was opened is kept apart, so the first window is the opening one.
    const same = openedFor.current === endT && before !== null && before.endT === endT;
    const open = same ? before.domain : openOn();
    openedFor.current = endT;
    const next = open ? transformForWindow(base, open[0], open[1], maxK) : zoomIdentity;
    // The zoom's own update lands a frame later: remember the window now, so a
    // width change in between keeps it instead of the one before.
    shown.current = { endT, domain: viewScale(base, next).domain() as [number, number] };
    behavior.transform(select(el), next);
    // Only when the run or the width changes; the window itself is read, not followed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [el, behavior, base, openOn]);

  useEffect(() => {
    shown.current = { endT, domain: scale.domain() as [number, number] };
  }, [endT, scale]);

  const zoomBy = useCallback(
    (factor: number, atX?: number) => {
      if (!el) return;
      behavior.scaleBy(select(el), factor, [atX ?? width / 2, 0]);
    },
    [el, behavior, width],
  );
  const panBy = useCallback(
    (px: number) => {
      if (!el) return;
      behavior.translateBy(select(el), -px / zoomTransform(el).k, 0);
    },
    [el, behavior],
  );
  const fit = useCallback(() => {
    if (el) behavior.transform(select(el), zoomIdentity);
  }, [el, behavior]);
  const follow = useCallback(
    (t: number) => {
      if (!el) return;
      const current = zoomTransform(el);
      const next = followTime(base, current, t, maxK);
      if (next !== current) behavior.transform(select(el), next);
    },
    [el, behavior, base, maxK],
  );
  return { scale, zoomBy, panBy, fit, follow };
}
