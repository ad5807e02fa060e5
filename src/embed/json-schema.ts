/**
 * The published JSON Schema of the commands a course page may send
 * (public/schema/embed-command.v1.schema.json), built from the zod schema the
 * frame validates with. Files inside `load` are plain objects here; their
 * own schemas are scenario.v1 and trace.v1.
 */
import { z } from '../trace-io/zod';
import { commandSchema } from './messages';

export const EMBED_SCHEMA_FILE = 'embed-command.v1.schema.json';

export function buildEmbedJsonSchemas(): Record<string, Record<string, unknown>> {
  const schema = z.toJSONSchema(commandSchema, { io: 'input', target: 'draft-2020-12' });
  return { [EMBED_SCHEMA_FILE]: schema as Record<string, unknown> };
}
