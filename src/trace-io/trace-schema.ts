/**
 * The trace file, version 1 (FORMATS.md "Trace"): the scenario as run (its
 * defaults filled), every event, and the summary. Also re-exports the summary
 * schemas so a reader of traces finds them here.
 */
import { z } from './zod';
import type { Trace } from '../engine/trace-types';
import { traceEventSchema } from './event-schema';
import { LIMITS } from './limits';
import { guarded, jsonPath, ok, type ParseResult } from './result';
import { scenarioSchema } from './scenario-schema';
import { trimTrace, withTrueLengths } from './size-checks';
import { summarySchema } from './summary-schema';
import { reconcileSummary } from './summary-check';
import { traceProblems } from './trace-checks';
import { errorMap, issuesToErrors, ONLY_WHEN_SHAPES_ARE_VALID } from './zod-errors';

export { traceEventSchema, eventSchemas } from './event-schema';
export {
  deviceSummarySchema,
  entitySummarySchema,
  latencySummarySchema,
  summarySchema,
  totalsSchema,
} from './summary-schema';

export const TRACE_FORMAT = 'intx-lab/trace';

export const traceSchema = z
  .object({
    format: z.literal(TRACE_FORMAT),
    version: z.literal(1),
    engine: z.string().min(1).max(LIMITS.nameLength).describe('Name and version of the engine'),
    scenario: scenarioSchema,
    events: z
      .array(traceEventSchema)
      .min(1, { error: 'must not be empty: every run ends with a "run.end" event' })
      .max(LIMITS.traceEvents, {
        error: `at most ${LIMITS.traceEvents.toLocaleString('en-US')} events are supported`,
      }),
    summary: summarySchema,
  })
  .superRefine((trace, ctx) => {
    for (const problem of traceProblems(trace)) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message, input: trace });
    }
  }, ONLY_WHEN_SHAPES_ARE_VALID)
  .meta({
    title: 'INTx Lab trace, version 1',
    description: 'One recorded run: scenario, events and summary (FORMATS.md "Trace").',
  });

/** Validates an already-parsed, already-migrated trace. Never throws. */
export function normalizeTrace(input: unknown): ParseResult<Trace> {
  return guarded(() => {
    const trimmed = trimTrace(input);
    const result = traceSchema.safeParse(trimmed.doc, { error: errorMap });
    if (result.success) {
      const raw = (trimmed.doc as { summary?: unknown }).summary;
      const problems = reconcileSummary(result.data, raw);
      if (problems.length === 0) return ok(result.data);
      return {
        ok: false,
        errors: problems.map((p) => ({ path: jsonPath(p.path), message: p.message })),
      };
    }
    return {
      ok: false,
      errors: withTrueLengths(issuesToErrors(result.error.issues), trimmed.messages),
    };
  });
}
