/**
 * Envelopes as seen by readers of other formats, so a scenario offered where
 * a lesson is expected is named ("this file is a scenario") rather than just
 * refused. Kept apart from the schemas so a reader needs none but its own.
 */
import { ANSWERS_FORMAT, LESSON_FORMAT } from '../lessons/model';
import type { FormatSpec } from './envelope';
import { SCENARIO_MIGRATIONS, TRACE_MIGRATIONS } from './migrations';

export const SCENARIO_SPEC_FOR_HINTS: FormatSpec = {
  format: 'intx-lab/scenario',
  noun: 'a scenario',
  migrations: SCENARIO_MIGRATIONS,
};
export const TRACE_SPEC_FOR_HINTS: FormatSpec = {
  format: 'intx-lab/trace',
  noun: 'a trace',
  migrations: TRACE_MIGRATIONS,
};

export const LESSON_SPEC: FormatSpec = { format: LESSON_FORMAT, noun: 'a lesson', migrations: [] };
export const ANSWERS_SPEC: FormatSpec = {
  format: ANSWERS_FORMAT,
  noun: 'a lesson answers file',
  migrations: [],
};
