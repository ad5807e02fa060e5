/**
 * What a sweep computes: the scenario family's sizes along two axes, and how
 * much traffic each point carries. Plain data, so it crosses to a worker.
 */
export interface SweepRequest {
  /** VM counts of the first axis (each VM owns one device on the shared line). */
  vmCounts: number[];
  /** ISR chain lengths of the second axis. */
  chainLengths: number[];
  /** Chain length while the VM count varies. */
  chainForVmAxis: number;
  /** VM count while the chain length varies. */
  vmsForChainAxis: number;
  /** Raises per point, spread over the devices by seeded random traffic. */
  raises: number;
  /** Mean time between two raises on the whole line (all devices together), ns. */
  meanGapNs: number;
  seed: number;
}

export const SWEEP_LIMITS = Object.freeze({
  vms: 64,
  chain: 16,
  raises: 100_000,
  /** The engine's largest allowed run (LIMITS.maxEvents of the scenario format). */
  eventsPerPoint: 50_000_000,
});

/** The sweep: 1 to 64 VMs and chains of 1 to 16, 10,000 raises per point. */
export const DEFAULT_SWEEP: Readonly<SweepRequest> = Object.freeze({
  vmCounts: [1, 2, 4, 8, 16, 32, 64],
  chainLengths: [1, 2, 4, 8, 16],
  chainForVmAxis: 4,
  vmsForChainAxis: 16,
  raises: 10_000,
  meanGapNs: 100_000,
  seed: 1,
});

/**
 * An upper bound on the events of one broadcast point: per raise, every VM is
 * forwarded to, switched into, walks its chain, counts, EOIs and exits; plus
 * the device, line, controller and host steps. Used to refuse a request the
 * engine's event limit would cut short.
 */
export function eventBound(vms: number, chain: number, raises: number): number {
  return raises * (vms * (chain + 8) + 40);
}

function intIn(v: unknown, lo: number, hi: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
}

/** Problems with a request, each naming its JSON path; empty when it can run. */
export function checkSweepRequest(r: SweepRequest): string[] {
  const errors: string[] = [];
  const list = (name: 'vmCounts' | 'chainLengths', hi: number) => {
    const values: unknown = r[name];
    if (!Array.isArray(values) || values.length === 0) {
      errors.push(`$.${name}: needs at least one value`);
      return;
    }
    values.forEach((v, i) => {
      if (!intIn(v, 1, hi)) errors.push(`$.${name}[${i}]: must be an integer from 1 to ${hi}`);
    });
  };
  list('vmCounts', SWEEP_LIMITS.vms);
  list('chainLengths', SWEEP_LIMITS.chain);
  if (!intIn(r.chainForVmAxis, 1, SWEEP_LIMITS.chain)) {
    errors.push(`$.chainForVmAxis: must be an integer from 1 to ${SWEEP_LIMITS.chain}`);
  }
  if (!intIn(r.vmsForChainAxis, 1, SWEEP_LIMITS.vms)) {
    errors.push(`$.vmsForChainAxis: must be an integer from 1 to ${SWEEP_LIMITS.vms}`);
  }
  if (!intIn(r.raises, 1, SWEEP_LIMITS.raises)) {
    errors.push(
      `$.raises: must be an integer from 1 to ${SWEEP_LIMITS.raises.toLocaleString('en-US')}`,
    );
  }
  if (!intIn(r.meanGapNs, 1, 1_000_000_000)) {
    errors.push('$.meanGapNs: must be an integer from 1 ns to 1 s');
  }
  if (!intIn(r.seed, 0, 0xffff_ffff))
    errors.push('$.seed: must be an integer from 0 to 4294967295');
  if (errors.length === 0) {
    const vms = Math.max(...r.vmCounts, r.vmsForChainAxis);
    const chain = Math.max(...r.chainLengths, r.chainForVmAxis);
    if (eventBound(vms, chain, r.raises) > SWEEP_LIMITS.eventsPerPoint) {
      errors.push(
        `$.raises: ${r.raises} raises with ${vms} VMs and chains of ${chain} may exceed ` +
          `the ${SWEEP_LIMITS.eventsPerPoint.toLocaleString('en-US')}-event limit of one run`,
      );
    }
  }
  return errors;
}
