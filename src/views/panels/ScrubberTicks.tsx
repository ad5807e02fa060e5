import { memo } from 'react';
import { tickColumns } from './tick-columns';

interface Props {
  markers: readonly number[];
  eventCount: number;
  /** Cursors where a breakpoint is met: drawn taller, in their own colour. */
  breaks?: readonly number[];
}

/**
 * Interrupt markers under the scrubber: one SVG path for all of them, so a
 * run with thousands of interrupts is still one element. Redrawn only when
 * the run changes, never per step.
 */
export const ScrubberTicks = memo(function ScrubberTicks({ markers, eventCount, breaks }: Props) {
  const { width, ticks } = tickColumns(markers, eventCount);
  const d = ticks.map((m) => `M${m} 0V10`).join('');
  // Breakpoint hits in the same columns as the interrupt ticks.
  const b = tickColumns(breaks ?? [], eventCount)
    .ticks.map((m) => `M${m} 0V10`)
    .join('');
  return (
    <svg
      className="scrubber-ticks"
      data-testid="scrubber-ticks"
      viewBox={`0 0 ${width} 10`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      <path d={d} vectorEffect="non-scaling-stroke" />
      {b ? (
        <path
          className="scrubber-breaks"
          data-testid="scrubber-breaks"
          data-count={breaks!.length}
          d={b}
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
    </svg>
  );
});
