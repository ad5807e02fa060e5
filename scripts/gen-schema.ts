/**
 * Writes the published JSON Schemas under public/schema/ from the app's zod
 * schemas. Run after changing anything in src/trace-io or src/embed/messages.ts: `npx tsx scripts/gen-schema.ts`.
 * A test fails while the files on disk differ from what this would write.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEmbedJsonSchemas } from '../src/embed/json-schema';
import { buildJsonSchemas, SCHEMA_DIR, schemaFileText } from '../src/trace-io/json-schema';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, SCHEMA_DIR);
mkdirSync(dir, { recursive: true });
const schemas = { ...buildJsonSchemas(), ...buildEmbedJsonSchemas() };
for (const [name, schema] of Object.entries(schemas)) {
  writeFileSync(join(dir, name), schemaFileText(schema));
  console.log(`wrote ${join(SCHEMA_DIR, name)}`);
}
