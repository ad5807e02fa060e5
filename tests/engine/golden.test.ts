import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/engine';
import { PRESETS } from '../../src/presets';
import { serializeTrace } from '../../src/trace-io';
import { presetScenario } from './helpers';

/*
 * Golden traces: every preset's events, one JSON line each, reviewed by hand once
 * and pinned. Long runs keep their first GOLDEN_LINES events in the file plus a
 * hash of the whole trace. After a deliberate engine change, review the diff of
 * `UPDATE_GOLDEN=1 npx vitest run tests/engine/golden.test.ts`.
 */
const DIR = join(import.meta.dirname, 'golden');
const GOLDEN_LINES = 400;
const update = process.env.UPDATE_GOLDEN === '1';

function goldenText(name: string): string {
  const trace = simulate(presetScenario(name));
  const lines = trace.events.slice(0, GOLDEN_LINES).map((e) => JSON.stringify(e));
  const hash = createHash('sha256').update(serializeTrace(trace)).digest('hex');
  const header = JSON.stringify({
    preset: name,
    events: trace.events.length,
    sha256: hash,
    totals: trace.summary.totals,
  });
  return `${[header, ...lines].join('\n')}\n`;
}

describe('golden traces of the presets', () => {
  for (const { name } of PRESETS) {
    it(name, () => {
      const file = join(DIR, `${name}.jsonl`);
      const actual = goldenText(name);
      if (update || !existsSync(file)) {
        if (!update) throw new Error(`missing ${file}: run with UPDATE_GOLDEN=1 and review it`);
        writeFileSync(file, actual);
      }
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }
});
