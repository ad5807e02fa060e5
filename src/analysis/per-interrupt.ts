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
  /** The whole machine's CPU time (entities and host), in ns. */
  cpuNs: number;
}

/**
 * CPU time spent because of interrupts: the summary's `cpuNs`, every entity's
 * busy time (switch in, ISR walk, service, EOI) plus the host's own (entries,
 * Status reads, Interrupt Disable writes, injections). A summary from a file
 * written before `cpuNs` existed falls back to busy time plus Status reads,
 * the only host work such a file lets one count.
 */
export function cpuNs(totals: Totals, costs: Pick<Costs, 'configReadNs'>): number {
  return totals.cpuNs ?? totals.busyNs + totals.configReads * costs.configReadNs;
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
