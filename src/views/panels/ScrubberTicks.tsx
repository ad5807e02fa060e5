import { memo } from 'react';
import { tickColumns } from './tick-columns';

interface Props {
  markers: readonly number[];
  eventCount: number;
}

/**
 * Interrupt markers under the scrubber: one SVG path for all of them, so a
 * run with thousands of interrupts is still one element. Redrawn only when
 * the run changes, never per step.
 */
export const ScrubberTicks = memo(function ScrubberTicks({ markers, eventCount }: Props) {
  const { width, ticks } = tickColumns(markers, eventCount);
  const d = ticks.map((m) => `M${m} 0V10`).join('');
  return (
    <svg
      className="scrubber-ticks"
      data-testid="scrubber-ticks"
      viewBox={`0 0 ${width} 10`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      <path d={d} vectorEffect="non-scaling-stroke" />
    </svg>
  );
});
