/** Public API of the file-format layer: files in, typed results out. */
export { formatError, MAX_REPORTED_ERRORS, type FormatError, type ParseResult } from './result';
export {
  parseAnyText,
  parseScenarioText,
  parseTraceText,
  scenarioTextWarnings,
  type AnyDocument,
} from './parse';
export {
  normalizeScenario,
  scenarioSchema,
  scenarioWarnings,
  SCENARIO_FORMAT,
} from './scenario-schema';
export { normalizeTrace, traceSchema, TRACE_FORMAT } from './trace-schema';
export { summarySchema } from './summary-schema';
export { traceEventSchema } from './event-schema';
export { serializeScenario, serializeTrace, traceParts } from './serialize';
export { LIMITS } from './limits';
