import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/engine/events';

const docs = resolve(dirname(fileURLToPath(import.meta.url)), '../../public/docs');

/** The first cell (a `code` event type) and the second of each row of the table under `heading`. */
function tableRows(file: string, heading: string): Map<string, string> {
  const text = readFileSync(resolve(docs, file), 'utf8');
  const start = text.indexOf(heading);
  expect(start, `${file} has a section "${heading}"`).toBeGreaterThanOrEqual(0);
  const section = text.slice(start).split(/\n## /)[0]!;
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const m = /^\|\s*`([a-z.-]+)`\s*\|([^|]*)\|/.exec(line);
    if (m) rows.set(m[1]!, m[2]!.trim());
  }
  return rows;
}

describe('every trace event kind is documented', () => {
  it('formats.md lists each with its fields and meaning', () => {
    const rows = tableRows('formats.md', '## Trace (');
    expect([...rows.keys()].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('model.md names the real function or hardware each models', () => {
    const rows = tableRows('model.md', '## Trace events and what each models');
    expect([...rows.keys()].sort()).toEqual([...EVENT_TYPES].sort());
    for (const [type, what] of rows) expect(what.length, type).toBeGreaterThan(10);
  });
});
