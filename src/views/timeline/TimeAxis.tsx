import { memo, useRef, type PointerEvent } from 'react';
import { timeTicks, type Tick, type TimeScale } from './scale';

/** Width (px) of one character of a tick label (12 px monospace), to keep the last one inside. */
const LABEL_CHAR_PX = 7.3;

/**
 * Where each tick's label goes: right of its tick, or left of it when it would
 * run past the axis's right edge; none when it would overlap the label before.
 */
export function placeLabels(
  ticks: readonly Tick[],
  width: number,
): { tick: Tick; at: 'start' | 'end' | null }[] {
  let right = -Infinity;
  return ticks.map((tick) => {
    const w = tick.label.length * LABEL_CHAR_PX;
    const end = tick.x + 3 + w > width;
    const left = end ? tick.x - 3 - w : tick.x + 3;
    if (left < right + 4) return { tick, at: null };
    right = left + w;
    return { tick, at: end ? 'end' : 'start' };
  });
}

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
      {placeLabels(timeTicks(scale), width).map(({ tick, at }) => (
        <g key={tick.t} transform={`translate(${Math.round(tick.x) + 0.5} 0)`}>
          <line className="tl-tick" y1={height - 6} y2={height} />
          {at === null ? null : (
            <text
              className="tl-tick-label"
              x={at === 'end' ? -3 : 3}
              y={height - 9}
              textAnchor={at === 'end' ? 'end' : 'start'}
            >
              {tick.label}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
});
