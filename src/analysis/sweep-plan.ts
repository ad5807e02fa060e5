import type { Totals } from '../engine/summary-types';
import type { PerInterrupt } from './per-interrupt';
import type { SweepRequest } from './sweep-request';
import type { SweepPolicy } from './sweep-scenario';

export type SweepAxis = 'vms' | 'chain';

export const SWEEP_POLICIES: readonly SweepPolicy[] = ['broadcast', 'selective', 'msi'];

/** One point to compute: a size on one axis, under one policy. */
export interface SweepPointSpec {
  axis: SweepAxis;
  /** The value along the axis (VM count or chain length). */
  value: number;
  vms: number;
  chain: number;
  policy: SweepPolicy;
}

/** A computed point: the engine's summary totals and the per-interrupt figures drawn from them. */
export interface SweepPoint extends SweepPointSpec {
  totals: Totals;
  perInterrupt: PerInterrupt;
}

/**
 * The points of a request in drawing order: the VM axis, then the chain axis,
 * smallest first, broadcast and selective side by side, so charts fill in
 * from the left while the sweep runs.
 */
export function sweepPoints(r: SweepRequest): SweepPointSpec[] {
  const points: SweepPointSpec[] = [];
  for (const vms of uniqueSorted(r.vmCounts)) {
    for (const policy of SWEEP_POLICIES) {
      points.push({ axis: 'vms', value: vms, vms, chain: r.chainForVmAxis, policy });
    }
  }
  for (const chain of uniqueSorted(r.chainLengths)) {
    for (const policy of SWEEP_POLICIES) {
      points.push({ axis: 'chain', value: chain, vms: r.vmsForChainAxis, chain, policy });
    }
  }
  return points;
}

function uniqueSorted(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** Same machine, same traffic: the two axes share the point where they cross. */
export function pointKey(p: Pick<SweepPointSpec, 'vms' | 'chain' | 'policy'>): string {
  return `${p.vms}x${p.chain}:${p.policy}`;
}

export interface SweepProgress {
  done: number;
  total: number;
  point: SweepPoint;
}

export interface SweepOutcome {
  points: SweepPoint[];
  cancelled: boolean;
}

/** Something that computes one point (a worker, or this thread). */
export type PointRunner = (spec: SweepPointSpec) => Promise<SweepPoint>;

/**
 * Runs a sweep on one or more runners at once (one per worker), each taking the
 * next point when it is free. `stop` is asked before every point, so a
 * cancelled sweep ends once the points already running finish: within one
 * point. A point both axes share is computed once.
 */
export async function runSweep(
  r: SweepRequest,
  runners: readonly PointRunner[],
  onProgress: (progress: SweepProgress) => void,
  stop: () => boolean = () => false,
): Promise<SweepOutcome> {
  if (runners.length === 0) throw new Error('a sweep needs at least one runner');
  const specs = sweepPoints(r);
  const results: (SweepPoint | undefined)[] = new Array<SweepPoint | undefined>(specs.length);
  const shared = new Map<string, Promise<SweepPoint>>();
  let next = 0;
  let done = 0;
  let cancelled = false;

  const work = async (run: PointRunner): Promise<void> => {
    for (;;) {
      if (stop()) {
        cancelled = next < specs.length || cancelled;
        return;
      }
      const i = next++;
      const spec = specs[i];
      if (spec === undefined) return;
      const key = pointKey(spec);
      let pending = shared.get(key);
      if (pending === undefined) {
        pending = run(spec);
        shared.set(key, pending);
      }
      const computed = await pending;
      const point: SweepPoint = { ...computed, axis: spec.axis, value: spec.value };
      results[i] = point;
      done += 1;
      onProgress({ done, total: specs.length, point });
    }
  };
  await Promise.all(runners.map(work));
  const points = results.filter((p): p is SweepPoint => p !== undefined);
  return { points, cancelled: cancelled || points.length < specs.length };
}
