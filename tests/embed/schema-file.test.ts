import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildEmbedJsonSchemas, EMBED_SCHEMA_FILE } from '../../src/embed/json-schema';
import { SCHEMA_DIR, schemaFileText } from '../../src/trace-io/json-schema';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('the published schema of embed commands', () => {
  const schema = buildEmbedJsonSchemas()[EMBED_SCHEMA_FILE]!;

  it('is current', () => {
    const onDisk = readFileSync(join(root, SCHEMA_DIR, EMBED_SCHEMA_FILE), 'utf8');
    expect(onDisk, `${SCHEMA_DIR}/${EMBED_SCHEMA_FILE} is stale: run npm run schema`).toBe(
      schemaFileText(schema),
    );
  });

  it('lists every command', () => {
    const types = (schema['oneOf'] as { properties: { type: { const: string } } }[]).map(
      (o) => o.properties.type.const,
    );
    expect(types).toEqual(['load', 'seek', 'step', 'play', 'pause', 'get-state', 'reset']);
  });
});
