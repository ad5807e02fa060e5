/**
 * The progress file a student exports from the Learn workspace and imports
 * elsewhere (formats.md "Progress"). The same file shape is kept in the
 * browser's storage.
 */
import { z } from './zod';
import type { Progress } from '../lessons/progress';
import { PROGRESS_FORMAT } from '../lessons/progress';
import { upgradeDocument, type FormatSpec } from './envelope';
import { idSchema } from './fields';
import { parseJsonText } from './json-text';
import { LIMITS } from './limits';
import { guarded, ok, type ParseResult } from './result';
import { errorMap, issuesToErrors } from './zod-errors';
import { LESSON_SPEC, SCENARIO_SPEC_FOR_HINTS, TRACE_SPEC_FOR_HINTS } from './known-formats';

const checkpointProgressSchema = z.object({
  status: z.enum(['solved', 'revealed']).nullable(),
  attempts: z.int().min(0).max(1_000_000),
});

export const progressSchema = z
  .object({
    format: z.literal(PROGRESS_FORMAT),
    version: z.literal(1),
    lessons: z.record(
      idSchema(),
      z.object({
        seed: z.int().min(0).max(LIMITS.seed),
        steps: z.record(idSchema(), z.record(idSchema(), checkpointProgressSchema)),
        completed: z.boolean().default(false),
        step: z.int().min(0).max(1000).optional(),
      }),
    ),
    welcomeDismissed: z.boolean().default(false),
  })
  .meta({
    title: 'INTx Lab lesson progress, version 1',
    description:
      'Per lesson the seed of the attempt and per checkpoint solved, revealed or open (formats.md "Progress").',
  }) as unknown as z.ZodType<Progress>;

export const PROGRESS_SPEC: FormatSpec = {
  format: PROGRESS_FORMAT,
  noun: 'a progress file',
  migrations: [],
};

export function parseProgressText(text: string, fileName?: string): ParseResult<Progress> {
  return guarded(() => {
    const json = parseJsonText(text, fileName);
    if (!json.ok) return json;
    const known = [SCENARIO_SPEC_FOR_HINTS, TRACE_SPEC_FOR_HINTS, LESSON_SPEC, PROGRESS_SPEC];
    const doc = upgradeDocument(json.value, PROGRESS_SPEC, known);
    if (!doc.ok) return doc;
    const result = progressSchema.safeParse(doc.value, { error: errorMap });
    return result.success
      ? ok(result.data)
      : { ok: false, errors: issuesToErrors(result.error.issues) };
  });
}
