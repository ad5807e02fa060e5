/**
 * The published JSON Schemas (public/schema/*.v1.schema.json), built from the
 * same zod schemas the app validates with, so the two cannot drift apart.
 * They describe what a reader accepts (zod's input side): fields with
 * defaults are optional. Cross-field rules (ids unique, references resolve)
 * are not expressible here and are only checked by the app.
 */
import { z } from './zod';
import { scenarioSchema } from './scenario-schema';
import { summarySchema } from './summary-schema';
import { traceSchema } from './trace-schema';
import { answersSchema, lessonSchema } from './lesson-schema';
import { progressSchema } from './progress-schema';

/** Where the files live, relative to the project root. */
export const SCHEMA_DIR = 'public/schema';

export type SchemaFileName =
  | 'scenario.v1.schema.json'
  | 'trace.v1.schema.json'
  | 'summary.v1.schema.json'
  | 'lesson.v1.schema.json'
  | 'answers.v1.schema.json'
  | 'progress.v1.schema.json';

function toJson(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
}

export function buildJsonSchemas(): Record<SchemaFileName, Record<string, unknown>> {
  return {
    'scenario.v1.schema.json': toJson(scenarioSchema),
    'trace.v1.schema.json': toJson(traceSchema),
    'summary.v1.schema.json': toJson(summarySchema),
    'lesson.v1.schema.json': toJson(lessonSchema),
    'answers.v1.schema.json': toJson(answersSchema),
    'progress.v1.schema.json': toJson(progressSchema),
  };
}

/** The exact file text: pretty-printed with a trailing newline, so regeneration is a no-op. */
export function schemaFileText(schema: Record<string, unknown>): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
