import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildJsonSchemas, SCHEMA_DIR, schemaFileText } from '../../src/trace-io/json-schema';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function onDisk(name: string): string {
  try {
    return readFileSync(join(root, SCHEMA_DIR, name), 'utf8');
  } catch {
    return '(missing)';
  }
}

describe('published JSON Schemas', () => {
  const schemas = buildJsonSchemas();

  it.each(Object.keys(schemas))('%s is current', (name) => {
    const expected = schemaFileText(schemas[name as keyof typeof schemas]);
    expect(onDisk(name), `${SCHEMA_DIR}/${name} is stale: run npm run schema`).toBe(expected);
  });

  it('leaves defaulted scenario fields optional', () => {
    const scenario = schemas['scenario.v1.schema.json'];
    expect(scenario['required']).toEqual([
      'format',
      'version',
      'name',
      'policy',
      'devices',
      'entities',
    ]);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildJsonSchemas())).toBe(JSON.stringify(schemas));
  });
});
