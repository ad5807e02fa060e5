/** Number formats shared by the panels. */

/** Simulated nanoseconds as microseconds with three decimals ("1000.400 µs"). */
export function formatMicros(ns: number): string {
  return `${(ns / 1000).toFixed(3)} µs`;
}

/** A playback speed as the select shows it ("0.25x", "2x"). */
export function formatSpeed(speed: number): string {
  return `${speed}x`;
}
