import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/engine';
import type { Policy } from '../../src/engine/scenario';
import { PRESETS } from '../../src/presets';
import { normalizeScenario, parseTraceText, serializeTrace } from '../../src/trace-io';

const POLICIES: Policy[] = ['native', 'broadcast', 'selective'];

describe('engine traces round-trip through the trace reader', () => {
  for (const { name, file } of PRESETS) {
    for (const policy of POLICIES) {
      it(`${name} under ${policy}`, () => {
        const scenario = normalizeScenario({ ...(file as object), policy });
        expect(scenario.ok).toBe(true);
        if (!scenario.ok) return;
        const text = serializeTrace(simulate(scenario.value));
        const back = parseTraceText(text, `${name}.trace.json`);
        if (!back.ok) throw new Error(JSON.stringify(back.errors.slice(0, 3)));
        expect(serializeTrace(back.value)).toBe(text);
      });
    }
  }
});
