/**
 * The scenario and trace envelopes as seen by readers of other formats, so a
 * scenario offered where a lesson is expected is named ("this file is a
 * scenario") rather than just refused.
 */
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
