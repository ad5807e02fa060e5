/**
 * The published JSON Schemas of the commands a course page may send
 * (public/schema/embed-command.v1.schema.json) and of the events the frame
 * posts (embed-event.v1.schema.json), built from the zod schemas the frame
 * validates and types them with. Files inside `load` are plain objects here; their
 * own schemas are scenario.v1 and trace.v1.
 */
import { z } from '../trace-io/zod';
import { eventSchema } from './events';
import { commandSchema } from './messages';

export const EMBED_SCHEMA_FILE = 'embed-command.v1.schema.json';
export const EMBED_EVENT_SCHEMA_FILE = 'embed-event.v1.schema.json';

const toJson = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, target: 'draft-2020-12' }) as Record<string, unknown>;

export function buildEmbedJsonSchemas(): Record<string, Record<string, unknown>> {
  return {
    // What the frame accepts (defaults optional), and what it sends.
    [EMBED_SCHEMA_FILE]: toJson(commandSchema, 'input'),
    [EMBED_EVENT_SCHEMA_FILE]: toJson(eventSchema, 'output'),
  };
}
