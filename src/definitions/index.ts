/**
 * The values the page shares with the engine: the scenario format's constants,
 * the exhaustiveness guard of the event union, and which entities a run has.
 * They live in the engine's leaf modules (scenario.ts, events.ts, topology.ts),
 * which import nothing that steps a run, so importing them from here keeps the
 * stepping engine out of the page's bundle; ESLint lets views reach the engine
 * only through this file.
 */
export { DEFAULT_COSTS, PIN_NAMES } from '../engine/scenario';
export { assertNever } from '../engine/events';
export { runEntities } from '../engine/topology';
