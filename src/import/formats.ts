import type { Scenario } from '../engine/scenario';
import type { Trace } from '../engine/trace-types';
import type { Lesson } from '../lessons/model';
import { LESSON_SPEC, normalizeLesson } from '../trace-io/lesson-parse';
import type { FormatSpec } from '../trace-io/envelope';
import { SCENARIO_MIGRATIONS, TRACE_MIGRATIONS } from '../trace-io/migrations';
import type { FormatError, ParseResult } from '../trace-io/result';
import { normalizeScenario, SCENARIO_FORMAT, scenarioWarnings } from '../trace-io/scenario-schema';
import { normalizeTrace, TRACE_FORMAT } from '../trace-io/trace-schema';

/**
 * The two file formats an opened file may be, each with its upgrade steps and
 * its full validation. Passed as a value so tests can add upgrade steps that
 * the app does not have yet and check that their notes reach the page.
 */
export interface ImportFormats {
  scenario: FormatSpec & {
    normalize: (doc: unknown) => ParseResult<Scenario>;
    /** The fields of an upgraded document that the format does not know (ignored). */
    warnings: (doc: unknown) => FormatError[];
  };
  trace: FormatSpec & { normalize: (doc: unknown) => ParseResult<Trace> };
  /** Lesson files open in the Learn workspace (optional so older callers keep their shape). */
  lesson?: FormatSpec & { normalize: (doc: unknown) => ParseResult<Lesson> };
}

export const DEFAULT_FORMATS: ImportFormats = {
  scenario: {
    format: SCENARIO_FORMAT,
    noun: 'a scenario',
    migrations: SCENARIO_MIGRATIONS,
    normalize: normalizeScenario,
    warnings: scenarioWarnings,
  },
  trace: {
    format: TRACE_FORMAT,
    noun: 'a trace',
    migrations: TRACE_MIGRATIONS,
    normalize: normalizeTrace,
  },
  lesson: { ...LESSON_SPEC, normalize: normalizeLesson },
};
