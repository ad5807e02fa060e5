import type { Costs } from '../engine/scenario';
import type { Totals } from '../engine/summary-types';

/**
 * Figures per device interrupt, derived only from the engine's summary totals
 * (and, for CPU time, the scenario's own cost of a config read), so the page,
 * the trace file and `npm run sim -- --summary` give the same numbers.
 *
 * "Per interrupt" means per serviced raise: what one device interrupt cost the
 * whole machine.
 */
export interface PerInterrupt {
  contextSwitches: number;
  spurious: number;
  isrCalls: number;
  configReads: number;
  /** Entity busy time plus the host's Status reads, in ns. */
  cpuNs: number;
}

/**
 * CPU time spent because of interrupts: every entity's busy time (switch in,
 * ISR walk, service, EOI) plus the host's configuration reads. The summary
 * does not count the host's configuration writes (masking a device), so they
 * are left out; that favours selective by at most two writes per interrupt.
 */
export function cpuNs(totals: Totals, costs: Pick<Costs, 'configReadNs'>): number {
  return totals.busyNs + totals.configReads * costs.configReadNs;
}

export function perInterrupt(totals: Totals, costs: Pick<Costs, 'configReadNs'>): PerInterrupt {
  const n = totals.serviced;
  const per = (v: number) => (n > 0 ? v / n : 0);
  return {
    contextSwitches: per(totals.contextSwitches),
    spurious: per(totals.spurious),
    isrCalls: per(totals.isrCalls),
    configReads: per(totals.configReads),
    cpuNs: per(cpuNs(totals, costs)),
  };
}

/** value / base, or null when the base is zero (no meaningful ratio). */
export function ratio(value: number, base: number): number | null {
  if (base === 0) return value === 0 ? 1 : null;
  return value / base;
}
