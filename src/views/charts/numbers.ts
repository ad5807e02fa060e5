/**
 * Numbers as the page writes them (en-US grouping), from formatters made once:
 * `toLocaleString` with options builds a new `Intl.NumberFormat` on every call,
 * and a chart formats every tick, point and cell each time it draws. The sweep's
 * chart, redrawn as its points came in, spent 0.38 s of the main thread there,
 * while the two workers needed both cores.
 */
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
/** Exactly two decimals, for a column whose figures are read against each other. */
const FIXED2 = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
/** `toLocaleString('en-US')`'s own options: up to three decimals. */
const PLAIN = new Intl.NumberFormat('en-US');

/** At most two decimals: "1,234.57". */
export function formatDecimal(n: number): string {
  return DECIMAL.format(n);
}

/** As `n.toLocaleString('en-US')`: "1,234,567". */
export function formatCount(n: number): string {
  return PLAIN.format(n);
}

/** Nanoseconds in microseconds with two decimals always: "12.50 µs" beside "4.48 µs". */
export function formatMicrosFixed(ns: number): string {
  return `${FIXED2.format(ns / 1000)} µs`;
}

/** Nanoseconds in microseconds, at most two decimals: "12.5 µs". */
export function formatMicros(ns: number): string {
  return `${DECIMAL.format(ns / 1000)} µs`;
}
