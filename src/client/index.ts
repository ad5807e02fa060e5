/** Public API of the simulation client: the only way the page reaches a simulation. */
export { bootSimulation, type BootedSimulation } from './boot';
export { CALLS, callKind, type CallKind, type Method } from './calls';
export { createAnalysisPool, poolSize, type AnalysisPool } from './analysis-pool';
export { openSessions, type Sessions } from './sessions';
export type { RestartReport, Supervisor } from './supervisor';
export {
  useLatestAnswer,
  type Answer,
  type LatestAnswer,
  type LatestAnswerOptions,
  type QueryKey,
} from './use-latest-answer';
