/**
 * The analysis the page may import as values: the variant list, quotients of a
 * summary, sweep requests, plans and crossovers. None of these modules imports
 * the engine, so a view that uses them does not bundle it; the runs themselves
 * (`./index`) happen where the engine runs, in the worker.
 */
export { VARIANTS, BASELINE, variantScenario, type Variant, type VariantId } from './variants';
export { cpuNs, perInterrupt, ratio, type PerInterrupt } from './per-interrupt';
export {
  DEFAULT_SWEEP,
  SWEEP_LIMITS,
  checkSweepRequest,
  eventBound,
  type SweepRequest,
} from './sweep-request';
export {
  SWEEP_POLICIES,
  eventsPerRaise,
  pointKey,
  runSweep,
  sweepPoints,
  sweepTasks,
  type PointRunner,
  type SweepAxis,
  type SweepOutcome,
  type SweepPoint,
  type SweepPointSpec,
  type SweepProgress,
  type SweepTask,
} from './sweep-plan';
export { warmUpRuns, type WarmUpRun } from './sweep-warm-up';
export { compareAlong, selectiveCostsMore, type AxisComparison } from './crossover';
