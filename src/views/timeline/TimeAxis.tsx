import { memo, useRef, type PointerEvent } from 'react';
import { timeTicks, type TimeScale } from './scale';

/** Width (px) of one character of a tick label (12 px monospace), to keep the last one inside. */
const LABEL_CHAR_PX = 7.3;

interface Props {
  scale: TimeScale;
  height: number;
  /** Seek to a time: pressing on the axis seeks, dragging along it scrubs. */
  onSeek(t: number): void;
}

/**
 * The time ruler over the lanes. Scrubbing asks for at most one seek per
 * animation frame; the store drops stale answers, so the last one wins.
 */
export const TimeAxis = memo(function TimeAxis({ scale, height, onSeek }: Props) {
  const width = scale.range()[1]!;
  const pending = useRef<{ t: number; frame: number } | null>(null);
  const seekAt = (event: PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const t = Math.max(0, scale.invert(event.clientX - rect.left));
    if (pending.current) {
      pending.current.t = t;
      return;
    }
    const held = { t, frame: 0 };
    held.frame = requestAnimationFrame(() => {
      pending.current = null;
      onSeek(held.t);
    });
    pending.current = held;
  };
  return (
    <svg
      className="tl-axis"
      data-testid="timeline-axis"
      width={width}
      height={height}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture?.(event.pointerId);
        seekAt(event);
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture?.(event.pointerId)) seekAt(event);
      }}
    >
      <title>Press or drag along the time axis to move the cursor</title>
      {timeTicks(scale).map((tick) => {
        // A label that would run past the right edge is drawn to the left of its tick.
        const end = tick.x + 3 + tick.label.length * LABEL_CHAR_PX > width;
        return (
          <g key={tick.t} transform={`translate(${Math.round(tick.x) + 0.5} 0)`}>
            <line className="tl-tick" y1={height - 6} y2={height} />
            <text
              className="tl-tick-label"
              x={end ? -3 : 3}
              y={height - 9}
              textAnchor={end ? 'end' : 'start'}
            >
              {tick.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
});
