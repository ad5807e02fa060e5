import { describe, expect, it } from 'vitest';
import type { Frame } from '../../src/protocol/api';
import { sameData, shareFrame } from '../../src/store/same-data';
import { createLocalApi } from '../../src/worker/local';
import { presetScenario } from '../engine/helpers';

describe('sameData', () => {
  it('compares plain data deeply, key order included', () => {
    expect(sameData({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameData({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData(0, -0)).toBe(true);
    expect(sameData('1', 1)).toBe(false);
  });
});

describe('shareFrame', () => {
  it('keeps the previous objects of the summary parts that did not change', async () => {
    const api = createLocalApi();
    await api.load(presetScenario('fig3-broadcast'));
    // Find a step after which only some parts of the summary change.
    let prev: Frame = await api.frameAt(0);
    let checked = 0;
    let kept = 0;
    for (let c = 1; c <= 40; c++) {
      const raw = await api.frameAt(c);
      const next = shareFrame(prev, raw);
      expect(next).toEqual(raw);
      for (const part of ['totals', 'entities', 'devices'] as const) {
        const same = sameData(prev.summary![part], raw.summary![part]);
        expect(next.summary![part] === prev.summary![part]).toBe(same);
        if (same) checked += 1;
      }
      // Inside a part that changed, each entity and device keeps its object while its numbers hold.
      for (const part of ['entities', 'devices'] as const) {
        const before = prev.summary![part] as Record<string, unknown>;
        const after = next.summary![part] as Record<string, unknown>;
        for (const id of Object.keys(after)) {
          expect(after[id] === before[id], `${c} ${part} ${id}`).toBe(
            sameData(before[id], after[id]),
          );
          if (after !== before && after[id] === before[id]) kept += 1;
        }
      }
      prev = next;
    }
    expect(checked).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
  });

  it('passes a frame without a summary through, and the first frame as it is', async () => {
    const api = createLocalApi();
    await api.load(presetScenario('fig3-broadcast'));
    const first = await api.frameAt(3);
    expect(shareFrame(null, first)).toBe(first);
    const bare = { ...first, summary: undefined };
    expect(shareFrame(first, bare)).toBe(bare);
  });
});
