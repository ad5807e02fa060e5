import { median } from '../stats';

/** Nearest-rank percentile (0 < p <= 100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** Rounds to `digits` decimals for the printed JSON. */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface Spread {
  p50: number;
  p95: number;
  max: number;
}

/** p50, p95 and max of one run's samples, in the samples' unit (ms), rounded. */
export function spread(values: readonly number[]): Spread {
  return {
    p50: round(percentile(values, 50), 2),
    p95: round(percentile(values, 95), 2),
    max: round(Math.max(...values), 2),
  };
}

/** The median, field by field, of several runs' spreads: the headline figure. */
export function medianSpread(runs: readonly Spread[]): Spread {
  return {
    p50: round(median(runs.map((r) => r.p50)), 2),
    p95: round(median(runs.map((r) => r.p95)), 2),
    max: round(median(runs.map((r) => r.max)), 2),
  };
}

/** Progress on stderr, so that stdout holds only the JSON document. */
export function progress(message: string): void {
  process.stderr.write(`[bench:ui] ${message}\n`);
}
