/** More columns than a scrubber has pixels: merging markers below this changes nothing visible. */
export const TICK_COLUMNS = 2048;

/**
 * Where to draw the scrubber's interrupt ticks: the markers themselves on a
 * run of at most `columns` events, otherwise one tick per column that holds
 * any marker. A path of tens of thousands of ticks is rasterized again on
 * every step (the thumb moves over it): in a million-event trace that cost
 * hundreds of milliseconds a step, a few thousand ticks cost nothing.
 */
export function tickColumns(
  markers: readonly number[],
  eventCount: number,
  columns = TICK_COLUMNS,
): { width: number; ticks: number[] } {
  if (eventCount <= columns) return { width: Math.max(1, eventCount), ticks: [...markers] };
  const ticks: number[] = [];
  for (const m of markers) {
    const x = Math.min(columns - 1, Math.floor((m * columns) / eventCount));
    if (ticks[ticks.length - 1] !== x) ticks.push(x);
  }
  return { width: columns, ticks };
}
