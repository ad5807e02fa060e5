/**
 * The trace file, version 1 (FORMATS.md "Trace"): the scenario as run (its
 * defaults filled), every event, and the summary. Also re-exports the summary
 * schemas so a reader of traces finds them here.
 */
import { z } from './zod';
import type { Trace } from '../engine/trace-types';
import { traceEventSchema } from './event-schema';
import { fastEvents } from './event-fast-path';
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

const eventsSchema = z
  .array(traceEventSchema)
  .min(1, { error: 'must not be empty: every run ends with a "run.end" event' })
  .max(LIMITS.traceEvents, {
    error: `at most ${LIMITS.traceEvents.toLocaleString('en-US')} events are supported`,
  });

type TraceEvents = z.output<typeof eventsSchema>;

/** The trace object around a given schema for its events (the full one, or the fast path's). */
function traceObject(events: z.ZodType<TraceEvents>) {
  return z
    .object({
      format: z.literal(TRACE_FORMAT),
      version: z.literal(1),
      engine: z.string().min(1).max(LIMITS.nameLength).describe('Name and version of the engine'),
      scenario: scenarioSchema,
      events,
      summary: summarySchema,
    })
    .superRefine((trace, ctx) => {
      for (const problem of traceProblems(trace)) {
        ctx.addIssue({
          code: 'custom',
          path: problem.path,
          message: problem.message,
          input: trace,
        });
      }
    }, ONLY_WHEN_SHAPES_ARE_VALID);
}

export const traceSchema = traceObject(eventsSchema).meta({
  title: 'INTx Lab trace, version 1',
  description: 'One recorded run: scenario, events and summary (FORMATS.md "Trace").',
});

/**
 * The trace schema for events that `fastEvents` has already checked: they
 * pass through as they are, everything else is checked as in `traceSchema`.
 */
const checkedEventsTraceSchema = traceObject(z.custom<TraceEvents>((v) => Array.isArray(v)));

/**
 * Parses with the fast path for the events when it applies; when the events
 * or anything else are wrong, runs the full schema so every message is the
 * one it has always given.
 */
export function parseTrace(doc: unknown) {
  const events =
    typeof doc === 'object' && doc !== null
      ? fastEvents((doc as { events?: unknown }).events)
      : null;
  if (events !== null) {
    const result = checkedEventsTraceSchema.safeParse(
      { ...(doc as object), events },
      { error: errorMap },
    );
    if (result.success) return result;
  }
  return traceSchema.safeParse(doc, { error: errorMap });
}

/** Validates an already-parsed, already-migrated trace. Never throws. */
export function normalizeTrace(input: unknown): ParseResult<Trace> {
  return guarded(() => {
    const trimmed = trimTrace(input);
    const result = parseTrace(trimmed.doc);
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
