import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../../src/embed/events';
import {
  buildEmbedJsonSchemas,
  EMBED_EVENT_SCHEMA_FILE,
  EMBED_SCHEMA_FILE,
} from '../../src/embed/json-schema';
import { commandSchema } from '../../src/embed/messages';
import { SCHEMA_DIR, schemaFileText } from '../../src/trace-io/json-schema';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('the published schemas of embed messages', () => {
  const schemas = buildEmbedJsonSchemas();
  const schema = schemas[EMBED_SCHEMA_FILE]!;

  it.each([EMBED_SCHEMA_FILE, EMBED_EVENT_SCHEMA_FILE])('%s is current', (name) => {
    const onDisk = readFileSync(join(root, SCHEMA_DIR, name), 'utf8');
    expect(onDisk, `${SCHEMA_DIR}/${name} is stale: run npm run schema`).toBe(
      schemaFileText(schemas[name]!),
    );
  });

  it('types replies by the same commands the frame accepts', () => {
    expect(commandSchema.options.map((o) => o.shape.type.value)).toEqual([...COMMAND_TYPES]);
  });

  it('lists every command', () => {
    const types = (schema['oneOf'] as { properties: { type: { const: string } } }[]).map(
      (o) => o.properties.type.const,
    );
    expect(types).toEqual(['load', 'seek', 'step', 'play', 'pause', 'get-state', 'reset']);
  });
});
