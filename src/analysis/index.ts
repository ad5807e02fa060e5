/** Public API of the analysis folder: metrics-only runs, compare variants and sweeps. */
export { runMetrics, createTimeFold, type TimeFold } from './metrics-run';
export { VARIANTS, BASELINE, variantScenario, type Variant, type VariantId } from './variants';
export { cpuNs, perInterrupt, ratio, type PerInterrupt } from './per-interrupt';
export { Comparer, type Comparison, type VariantResult } from './compare';
export {
  DEFAULT_SWEEP,
  SWEEP_LIMITS,
  checkSweepRequest,
  eventBound,
  type SweepRequest,
} from './sweep-request';
export { sweepScenario, type SweepPolicy, type SweepShape } from './sweep-scenario';
export {
  SWEEP_POLICIES,
  pointKey,
  runSweep,
  sweepPoints,
  type PointRunner,
  type SweepAxis,
  type SweepOutcome,
  type SweepPoint,
  type SweepPointSpec,
  type SweepProgress,
} from './sweep-plan';
export { runSweepPoint } from './sweep-point';
export { compareAlong, selectiveCostsMore, type AxisComparison } from './crossover';
