/**
 * The analysis folder's whole API, for where the engine runs (the worker, the
 * CLI, tests): metrics-only runs, compare variants and sweep points, plus
 * everything in `./engine-free`. A value import from here bundles the engine,
 * so the page imports values from `./engine-free` only (ESLint enforces it).
 */
export * from './engine-free';
export { runMetrics, createTimeFold, type TimeFold } from './metrics-run';
export { Comparer, type Comparison, type VariantResult } from './compare';
export { sweepScenario, type SweepPolicy, type SweepShape } from './sweep-scenario';
export { runSweepPoint } from './sweep-point';
