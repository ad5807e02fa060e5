import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { Lanes } from '../../replay/lanes';
import { useAppStore, useAppStoreApi } from '../../store';
import { LaneGraphic } from './LaneGraphic';
import { LaneLabels } from './LaneLabels';
import { hoverValue, MARK_HIT_PX } from './readout';
import { interruptWindow } from './focus';
import { initialCollapsed, layoutRows, orderGroups, rowIndexAt, visibleRows } from './rows';
import { formatExactNs } from './scale';
import { selectCursorTime, selectSeekTime } from './selectors';
import { TimeAxis } from './TimeAxis';
import { TimelineBar } from './TimelineBar';
import { useLanes } from './useLanes';
import { useTimeZoom } from './useTimeZoom';
import { useElementWidth } from '../charts';
import { useViewport } from './useViewport';
import './timeline.css';

/** Height of the sticky time axis (px), kept in step with timeline.css. */
const AXIS_PX = 26;
/** Rows drawn beyond the visible edges (px), so a quick scroll shows no gap. */
const ROW_MARGIN_PX = 120;
/** Share of the width one arrow key pans. */
const PAN_SHARE = 0.1;

const NO_GROUPS: Lanes['groups'] = [];

interface Hover {
  x: number;
  y: number;
  t: number;
  row: number;
}

/** Space (px) between the pointer and its readout; past this share of the width it flips left. */
const TIP_GAP_PX = 14;
const TIP_FLIP_SHARE = 0.6;

function toggled(keys: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(keys);
  if (!next.delete(key)) next.add(key);
  return next;
}

/**
 * The timeline under the graph: one row per signal (Figure 5's 500-530 per
 * device, the line's level, the controller's Remote IRR and mask, each
 * entity's running, ISR and spurious marks) against time, with the cursor of
 * the frame on screen. Click to seek, drag to pan, Ctrl + wheel to zoom,
 * hover to read a value; keys when focused.
 */
export function TimelinePane() {
  const lanes = useLanes();
  const cursorT = useAppStore(selectCursorTime);
  const seekTime = useAppStore(selectSeekTime);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [lanesEl, setLanesEl] = useState<HTMLDivElement | null>(null);
  const width = useElementWidth(lanesEl);
  const viewport = useViewport(scroller);
  const endT = lanes?.endT ?? 0;
  // A new run opens on the interrupt at the cursor, where a pulse is wide enough to read.
  const store = useAppStoreApi();
  const openOn = useCallback(
    () => (lanes ? interruptWindow(lanes, selectCursorTime(store.getState())) : null),
    [lanes, store],
  );
  const { scale, zoomBy, panBy, fit, follow } = useTimeZoom(lanesEl, width, endT, openOn);
  const [following, setFollowing] = useState(true);
  const [hover, setHover] = useState<Hover | null>(null);
  const hintId = useId();

  // Collapsed groups belong to one run's lanes; a new run starts from its defaults.
  // Line, controller and VMs first: what every interrupt goes through; devices below.
  const groups = useMemo(() => orderGroups(lanes?.groups ?? NO_GROUPS), [lanes]);
  const defaults = useMemo(() => initialCollapsed(groups), [groups]);
  const [chosen, setChosen] = useState<{ of: Lanes; keys: ReadonlySet<string> } | null>(null);
  const collapsed = chosen && chosen.of === lanes ? chosen.keys : defaults;
  const layout = useMemo(() => layoutRows(groups, collapsed), [groups, collapsed]);
  const onToggle = useCallback(
    (key: string) => {
      if (lanes) setChosen({ of: lanes, keys: toggled(collapsed, key) });
    },
    [lanes, collapsed],
  );
  const setAll = (open: boolean) => {
    if (lanes) setChosen({ of: lanes, keys: new Set(open ? [] : lanes.groups.map((g) => g.key)) });
  };

  // Follow the cursor when it moves (or following is switched on), never on a
  // run's first cursor: the run opens on its interrupt, which the cursor at 0
  // (nothing happened yet) comes before.
  const followed = useRef<{ of: Lanes; t: number } | null>(null);
  useEffect(() => {
    if (!lanes) return;
    const last = followed.current;
    followed.current = { of: lanes, t: following ? cursorT : NaN };
    if (!following || !last || last.of !== lanes || last.t === cursorT) return;
    follow(cursorT);
  }, [following, lanes, cursorT, follow]);

  const onSeek = useCallback((t: number) => void seekTime(Math.max(0, t)), [seekTime]);

  const top = viewport.top - AXIS_PX - ROW_MARGIN_PX;
  const bottom = viewport.top + viewport.height + ROW_MARGIN_PX;
  const shown = useMemo(() => visibleRows(layout.rows, top, bottom), [layout, top, bottom]);
  const cursorX = scale(cursorT);
  const cursorVisible = cursorX >= 0 && cursorX <= width;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Browser zoom (Ctrl +) and Shift + arrows (step by interrupt) are not ours.
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.shiftKey && event.key.startsWith('Arrow')) return;
    const anchor = cursorVisible ? cursorX : undefined;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => panBy(-width * PAN_SHARE),
      ArrowRight: () => panBy(width * PAN_SHARE),
      '+': () => zoomBy(2, anchor),
      '=': () => zoomBy(2, anchor),
      '-': () => zoomBy(0.5, anchor),
      '0': fit,
    };
    const action = actions[event.key];
    if (!action) return;
    // Keep the key from the page's shortcuts (Left/Right step the simulation).
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  const pointerTime = (clientX: number, el: HTMLElement) =>
    scale.invert(clientX - el.getBoundingClientRect().left);

  const hovered = hover ? layout.rows[hover.row] : undefined;
  const hoveredLane = hovered?.lane ?? null;
  const readout = hover
    ? `${formatExactNs(Math.max(0, hover.t))}${
        hovered && hoveredLane
          ? ` · ${hovered.group.title} ${hoveredLane.label} = ${hoverValue(
              hoveredLane,
              hover.t,
              Math.abs(scale.invert(MARK_HIT_PX) - scale.invert(0)),
            )}`
          : ''
      }`
    : `cursor ${formatExactNs(cursorT)}`;

  return (
    <section className="timeline" aria-label="Timeline" data-testid="timeline">
      <TimelineBar
        readout={readout}
        following={following}
        onFollow={() => setFollowing((f) => !f)}
        onZoomIn={() => zoomBy(2, cursorVisible ? cursorX : undefined)}
        onZoomOut={() => zoomBy(0.5, cursorVisible ? cursorX : undefined)}
        onFit={fit}
        onExpandAll={() => setAll(true)}
        onCollapseAll={() => setAll(false)}
        hintId={hintId}
      />
      {/* A scroll moves the rows under a still pointer: its readout would name the wrong lane. */}
      <div className="tl-scroller" ref={setScroller} onScroll={() => setHover(null)}>
        <div className="tl-head" hidden={!lanes}>
          <div className="tl-corner">time</div>
          <div className="tl-axis-cell">
            <TimeAxis scale={scale} height={AXIS_PX} onSeek={onSeek} />
            {cursorVisible ? (
              <div className="tl-cursor-handle" style={{ left: cursorX }} aria-hidden="true" />
            ) : null}
          </div>
        </div>
        {lanes ? (
          <div className="tl-canvas" style={{ height: layout.height }}>
            <div className="tl-labels">
              <LaneLabels rows={shown} collapsed={collapsed} onToggle={onToggle} />
            </div>
            <div
              className="tl-lanes"
              ref={setLanesEl}
              tabIndex={0}
              role="group"
              aria-roledescription="timeline"
              aria-label="Timeline lanes: click to move the cursor there"
              title="Click: move the cursor · drag: pan · Ctrl + wheel: zoom · focused: ←/→ pan, +/− zoom, 0 whole run"
              aria-describedby={hintId}
              data-testid="timeline-lanes"
              onKeyDown={onKeyDown}
              onClick={(event) => onSeek(pointerTime(event.clientX, event.currentTarget))}
              onMouseMove={(event) => {
                const rect = event.currentTarget.getBoundingClientRect();
                setHover({
                  x: event.clientX - rect.left,
                  y: event.clientY - rect.top,
                  t: scale.invert(event.clientX - rect.left),
                  row: rowIndexAt(layout.rows, event.clientY - rect.top),
                });
              }}
              onMouseLeave={() => setHover(null)}
            >
              <svg width={Math.max(1, width)} height={layout.height} aria-hidden="true">
                {shown.map((row) =>
                  row.lane ? (
                    <LaneGraphic
                      key={row.key}
                      lane={row.lane}
                      y={row.y}
                      height={row.height}
                      scale={scale}
                      endT={endT}
                      summary={row.kind === 'group'}
                    />
                  ) : null,
                )}
                {shown.map((row) =>
                  row.kind === 'group' ? (
                    <line
                      key={`${row.key}:rule`}
                      className="tl-group-rule"
                      x1={0}
                      x2={width}
                      y1={row.y + 0.5}
                      y2={row.y + 0.5}
                    />
                  ) : null,
                )}
                {hover ? (
                  <line className="tl-hover" x1={hover.x} x2={hover.x} y1={0} y2={layout.height} />
                ) : null}
                <line
                  className="tl-cursor"
                  data-testid="timeline-cursor"
                  data-time={cursorT}
                  x1={cursorX}
                  x2={cursorX}
                  y1={0}
                  y2={layout.height}
                  visibility={cursorVisible ? 'visible' : 'hidden'}
                />
              </svg>
              {hover ? (
                // The readout by the pointer, where the eye already is (the bar keeps a copy).
                <div
                  className={`tl-tip${hover.x > width * TIP_FLIP_SHARE ? ' flip' : ''}`}
                  data-testid="timeline-hover-tip"
                  aria-hidden="true"
                  style={{
                    left: hover.x + (hover.x > width * TIP_FLIP_SHARE ? -TIP_GAP_PX : TIP_GAP_PX),
                    top: hover.y + TIP_GAP_PX,
                  }}
                >
                  {readout}
                </div>
              ) : null}
            </div>
          </div>
        ) : (
          <p className="placeholder">Reading the signals of the run…</p>
        )}
      </div>
    </section>
  );
}
