import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/engine';
import { PRESETS } from '../../src/presets';
import { serializeTrace } from '../../src/trace-io';
import { SimSession } from '../../src/worker/session';
import { presetScenario } from '../engine/helpers';

/**
 * The session records a run through the column sink (no event objects kept):
 * what it exports is the trace the traced engine makes, byte for byte, and
 * the pinned golden trace of each preset (tests/engine/golden/, whose header
 * holds the sha256 of the whole serialized trace).
 */
const GOLDEN = join(import.meta.dirname, '..', 'engine', 'golden');

describe('a run recorded into columns by the session', () => {
  for (const { name } of PRESETS) {
    it(`${name}: exports the golden trace, byte for byte`, async () => {
      const scenario = presetScenario(name);
      const session = new SimSession();
      const info = await session.load(scenario);
      const traced = simulate(scenario);
      expect(info.eventCount).toBe(traced.events.length);
      expect(info.summary).toEqual(traced.summary);
      const { text } = await session.exportFile('trace');
      expect(text).toBe(serializeTrace(traced));
      const header = JSON.parse(
        readFileSync(join(GOLDEN, `${name}.jsonl`), 'utf8').split('\n')[0]!,
      ) as {
        sha256: string;
      };
      expect(createHash('sha256').update(text).digest('hex')).toBe(header.sha256);
      const at = Math.floor(traced.events.length / 2);
      expect(await session.events(at, at + 5)).toEqual(traced.events.slice(at, at + 5));
      expect((await session.frameAt(at + 1)).event).toEqual(traced.events[at]);
    });
  }
});
