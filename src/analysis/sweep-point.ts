import { runMetrics } from './metrics-run';
import { perInterrupt } from './per-interrupt';
import type { SweepPoint, SweepPointSpec } from './sweep-plan';
import type { SweepRequest } from './sweep-request';
import { sweepScenario } from './sweep-scenario';

/** Computes one point: a metrics-only run of its scenario. */
export function runSweepPoint(r: SweepRequest, spec: SweepPointSpec): SweepPoint {
  const scenario = sweepScenario({
    vms: spec.vms,
    chain: spec.chain,
    policy: spec.policy,
    raises: r.raises,
    meanGapNs: r.meanGapNs,
    seed: r.seed,
  });
  const { totals } = runMetrics(scenario);
  return { ...spec, totals, perInterrupt: perInterrupt(totals, scenario.costs) };
}
