import { useCallback, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useAppStore, useAppStoreApi } from '../../store';
import { HoverTip } from './HoverTip';
import { laneKeyAction } from './lane-keys';
import { LaneLabels } from './LaneLabels';
import { FutureMask } from './FutureMask';
import { LanesSvg } from './LanesSvg';
import { readoutText, type HoverPoint } from './readout';
import { interruptWindow } from './focus';
import { rowIndexAt, visibleRows } from './rows';
import { selectCursorTime, selectSeekTime } from './selectors';
import { zoomRoom } from './scale';
import { TimeAxis } from './TimeAxis';
import { TimelineBar } from './TimelineBar';
import { useCollapsedGroups } from './useCollapsedGroups';
import { useFollowCursor } from './useFollowCursor';
import { useLanes } from './useLanes';
import { useLimitTime } from './useLimitTime';
import { useTimeZoom } from './useTimeZoom';
import { useElementWidth } from '../charts';
import { useViewport } from './useViewport';
import './timeline.css';

/** Height of the sticky time axis (px), kept in step with timeline.css. */
const AXIS_PX = 26;
/** Rows drawn beyond the visible edges (px), so a quick scroll shows no gap. */
const ROW_MARGIN_PX = 120;

/** The pointer over the lanes: where (px, in the lanes area) and at what time and row. */
interface Hover extends HoverPoint {
  x: number;
  y: number;
}

/**
 * The timeline under the graph: one row per signal (Figure 5's 500-530 per
 * device, the line's level, the controller's Remote IRR and mask, each
 * entity's running, ISR and spurious marks) against time, with the cursor of
 * the frame on screen. Click to seek, drag to pan, Ctrl + wheel to zoom,
 * hover to read a value; keys when focused. `lanesWanted` false holds the
 * request for the run's lanes back (the page's first draw of another machine).
 */
export function TimelinePane({ lanesWanted = true }: { lanesWanted?: boolean } = {}) {
  const lanes = useLanes(lanesWanted);
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
  const zoom = useTimeZoom(lanesEl, width, endT, openOn);
  const { scale, zoomBy, fit } = zoom;
  const [following, setFollowing] = useState(true);
  const [hover, setHover] = useState<Hover | null>(null);
  const hintId = useId();
  const { collapsed, layout, onToggle, setAll } = useCollapsedGroups(lanes);
  useFollowCursor(lanes, cursorT, following, zoom.follow);

  const onSeek = useCallback((t: number) => void seekTime(Math.max(0, t)), [seekTime]);

  const top = viewport.top - AXIS_PX - ROW_MARGIN_PX;
  const bottom = viewport.top + viewport.height + ROW_MARGIN_PX;
  const shown = useMemo(() => visibleRows(layout.rows, top, bottom), [layout, top, bottom]);
  const cursorX = scale(cursorT);
  const cursorVisible = cursorX >= 0 && cursorX <= width;
  // Zooming keeps the cursor still when it is in view, else the middle.
  const anchor = cursorVisible ? cursorX : undefined;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = laneKeyAction(event, zoom, width, anchor);
    if (!action) return;
    // Keep the key from the page's shortcuts (Left/Right step the simulation).
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  const pointerTime = (clientX: number, el: HTMLElement) =>
    scale.invert(clientX - el.getBoundingClientRect().left);

  // A lesson's open question: what comes after its stop is covered, and not read out.
  const limitT = useLimitTime();
  const hidden = limitT !== null && hover !== null && hover.t > limitT;
  const readout = readoutText(hidden ? null : hover, layout.rows, scale, cursorT);

  return (
    <section className="timeline" aria-label="Timeline" data-testid="timeline">
      <TimelineBar
        readout={readout}
        following={following}
        onFollow={() => setFollowing((f) => !f)}
        onZoomIn={() => zoomBy(2, anchor)}
        onZoomOut={() => zoomBy(0.5, anchor)}
        onFit={fit}
        room={zoomRoom(scale, endT)}
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
              <div
                className="tl-cursor-handle"
                style={{ transform: `translateX(${cursorX}px)` }}
                aria-hidden="true"
              />
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
              <LanesSvg
                rows={shown}
                width={width}
                height={layout.height}
                scale={scale}
                endT={endT}
                hoverX={hover ? hover.x : null}
                cursorT={cursorT}
                cursorX={cursorX}
                cursorVisible={cursorVisible}
              />
              {limitT !== null ? <FutureMask x={scale(limitT)} width={width} /> : null}
              {hover && !hidden ? (
                <HoverTip x={hover.x} y={hover.y} width={width} text={readout} />
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
