import { LaneGraphic } from './LaneGraphic';
import type { Row } from './rows';
import type { TimeScale } from './scale';

interface Props {
  /** The rows in view (only those are drawn). */
  rows: readonly Row[];
  width: number;
  height: number;
  scale: TimeScale;
  endT: number;
  /** The pointer's x (px), drawn as a thin line; null when not hovering. */
  hoverX: number | null;
  cursorT: number;
  cursorX: number;
  cursorVisible: boolean;
}

/**
 * The lanes' drawing: each row's waveform, a rule above each group, the hover
 * line, and the cursor in an SVG of its own above them (its own compositor
 * layer, timeline.css): a step moves the cursor and repaints that thin line,
 * not every lane's waveform.
 */
export function LanesSvg({
  rows,
  width,
  height,
  scale,
  endT,
  hoverX,
  cursorT,
  cursorX,
  cursorVisible,
}: Props) {
  const w = Math.max(1, width);
  return (
    <>
      <svg width={w} height={height} aria-hidden="true">
        {rows.map((row) =>
          row.lane ? (
            <LaneGraphic
              key={row.key}
              lane={row.lane}
              y={row.y}
              height={row.height}
              scale={scale}
              endT={endT}
              inHeader={row.kind === 'group'}
            />
          ) : null,
        )}
        {rows.map((row) =>
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
        {hoverX !== null ? (
          <line className="tl-hover" x1={hoverX} x2={hoverX} y1={0} y2={height} />
        ) : null}
      </svg>
      <svg className="tl-cursor-layer" width={w} height={height} aria-hidden="true">
        <line
          className="tl-cursor"
          data-testid="timeline-cursor"
          data-time={cursorT}
          x1={cursorX}
          x2={cursorX}
          y1={0}
          y2={height}
          visibility={cursorVisible ? 'visible' : 'hidden'}
        />
      </svg>
    </>
  );
}
