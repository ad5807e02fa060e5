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
 * About how many events one point's run emits, per raise: a model of the sweep
 * family fitted to the engine's counts for the default request (10,000 raises,
 * `tests/bench/ops.bench.ts` and tests/analysis/sweep.test.ts check it).
 * Broadcast walks every VM's chain (a VM adds about 6.1 events plus 0.9 per ISR:
 * forward, enter, calls, spurious, EOIs, exit); selective reads every device (0.85
 * a VM) and walks one chain (0.98 an ISR); MSI signals the owner alone, whose
 * handler is called directly, so neither the VMs nor the chain add anything.
 * Only the order of the points depends on it, never a number shown.
 */
export function eventsPerRaise(p: Pick<SweepPointSpec, 'vms' | 'chain' | 'policy'>): number {
  switch (p.policy) {
    case 'broadcast':
      return p.vms * (0.9 * p.chain + 6.1) + 13.4;
    case 'selective':
      return 0.85 * p.vms + 0.98 * p.chain + 22.2;
    case 'msi':
      return 11;
  }
}

/** One run of a sweep: a point both axes share is one task, filling both places. */
export interface SweepTask {
  spec: SweepPointSpec;
  /** Positions in `sweepPoints` order that this run fills. */
  slots: number[];
  /** Its estimated events (`eventsPerRaise` times the raises), the order it runs in. */
  work: number;
}

/**
 * The runs of a request, the longest first (longest processing time first): each
 * runner that comes free takes the longest run left, so the biggest point (64 VMs
 * under broadcast, a quarter of the default sweep's events) starts at once instead
 * of last, and the many small runs fill in at the end, when they even out the
 * runners' finishing times. Equal estimates keep drawing order.
 */
export function sweepTasks(r: SweepRequest): SweepTask[] {
  const tasks = new Map<string, SweepTask>();
  sweepPoints(r).forEach((spec, i) => {
    const key = pointKey(spec);
    const task = tasks.get(key);
    if (task) task.slots.push(i);
    else tasks.set(key, { spec, slots: [i], work: eventsPerRaise(spec) * r.raises });
  });
  // Array.prototype.sort is stable: equal estimates stay in drawing order.
  return [...tasks.values()].sort((a, b) => b.work - a.work);
}

/**
 * Runs a sweep on one or more runners at once (one per worker), each taking the
 * next run of `sweepTasks` when it is free. `stop` is asked before every run, so
 * a cancelled sweep ends once the runs already going finish: within one point.
 * A point both axes share is computed once and reported for each place it fills.
 * `points` come back in drawing order, whatever order they were computed in.
 */
export async function runSweep(
  r: SweepRequest,
  runners: readonly PointRunner[],
  onProgress: (progress: SweepProgress) => void,
  stop: () => boolean = () => false,
): Promise<SweepOutcome> {
  if (runners.length === 0) throw new Error('a sweep needs at least one runner');
  const specs = sweepPoints(r);
  const total = specs.length;
  const tasks = sweepTasks(r);
  const results: (SweepPoint | undefined)[] = new Array<SweepPoint | undefined>(total);
  let next = 0;
  let done = 0;

  const work = async (run: PointRunner): Promise<void> => {
    for (;;) {
      if (stop()) return;
      const task = tasks[next++];
      if (task === undefined) return;
      const computed = await run(task.spec);
      for (const i of task.slots) {
        const spec = specs[i]!;
        const point: SweepPoint = { ...computed, axis: spec.axis, value: spec.value };
        results[i] = point;
        done += 1;
        onProgress({ done, total, point });
      }
    }
  };
  await Promise.all(runners.map(work));
  const points = results.filter((p): p is SweepPoint => p !== undefined);
  return { points, cancelled: points.length < total };
}
