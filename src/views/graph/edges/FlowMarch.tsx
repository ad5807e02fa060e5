import { EdgeLabelRenderer } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { pathBounds } from '../path-bounds';
import { pathSegments, type PathSegment } from '../path-segments';

/** The moving dashes' phases: 2 px apart over the 16 px dash period, one shown per 0.1 s. */
export const MARCH_PHASES = 8;

const PHASES = Array.from({ length: MARCH_PHASES }, (_, k) => k);

/**
 * The moving dashes of a lit edge, drawn as still copies in their own
 * composited layers (one `<svg>` per dash phase, above the edges) that an
 * opacity animation shows one at a time. The compositor runs that animation:
 * the page never repaints for the motion, whereas a dash offset animation on
 * the edge itself repaints the graph's layer ten times a second, in the way
 * of the next step's frame. `path` is in graph coordinates, as the edge's own;
 * each copy is only as big as the path, so that few other parts of the graph
 * overlap it (what overlaps a composited layer must be composited too), and
 * is drawn piece by piece (see pathSegments), so that rasterizing it costs
 * what is on screen, not the whole dashed length for every tile.
 */
function FlowMarchComponent({ path }: { path: string }) {
  const box = pathBounds(path, 4);
  const pieces = useMemo(() => pathSegments(path), [path]);
  if (box === null) return null;
  const size = { left: box.x, top: box.y, width: box.width, height: box.height };
  return (
    <EdgeLabelRenderer>
      <div className="intx-march" aria-hidden="true">
        {PHASES.map((k) => (
          <svg
            key={k}
            className="intx-march__phase"
            width={box.width}
            height={box.height}
            viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
            // Phase k is shown in the k-th tenth of each 0.8 s period.
            style={{ ...size, animationDelay: `${-((MARCH_PHASES - k) % MARCH_PHASES) / 10}s` }}
          >
            {pieces === null ? (
              <path d={path} className="intx-march__dash" strokeDashoffset={-2 * k} />
            ) : (
              <g className="intx-march__dash">
                {pieces.map((p, i) => (
                  <Piece key={i} piece={p} offset={p.from - 2 * k} />
                ))}
              </g>
            )}
          </svg>
        ))}
      </div>
    </EdgeLabelRenderer>
  );
}

/** One piece, its dashes carried on from the pieces before it. */
function Piece({ piece, offset }: { piece: PathSegment; offset: number }) {
  const dashOffset = Math.round(offset * 100) / 100;
  return piece.kind === 'line' ? (
    <line x1={piece.x1} y1={piece.y1} x2={piece.x2} y2={piece.y2} strokeDashoffset={dashOffset} />
  ) : (
    <path d={piece.d} strokeDashoffset={dashOffset} />
  );
}

export const FlowMarch = memo(FlowMarchComponent);
