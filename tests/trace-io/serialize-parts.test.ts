import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/engine';
import { findPreset } from '../../src/presets';
import { normalizeScenario, serializeTrace, traceParts } from '../../src/trace-io';

describe('a trace written in pieces', () => {
  it('is byte-identical to the one-string serialization', () => {
    for (const name of ['storm', 'fig3-broadcast']) {
      const parsed = normalizeScenario(findPreset(name)!.file);
      if (!parsed.ok) throw new Error(name);
      const trace = simulate(parsed.value);
      const parts = [...traceParts(trace)];
      if (name === 'storm') expect(parts.length).toBeGreaterThan(5); // 9,010 events: one piece
      expect(parts.join('')).toBe(serializeTrace(trace));
    }
  });
});
