import { describe, expect, it } from 'vitest';
import { serializeTrace } from '../../src/trace-io';
import { SimSession } from '../../src/worker/session';
import { presetScenario } from '../engine/helpers';

describe('SimSession frames', () => {
  it('carry the summary at their cursor: one round trip for the view and the metrics', async () => {
    const session = new SimSession();
    const info = await session.load(presetScenario('scale-32-vms'));
    for (const c of [0, 1, 500, 1023, 1024, 1025, info.eventCount - 1, info.eventCount]) {
      const frame = await session.frameAt(c);
      expect(frame.summary).toEqual(await session.summaryAt(c));
    }
    expect((await session.frameAt(info.eventCount)).summary).toEqual(info.summary);
  });

  it('export the same trace text after a load as the events it was given', async () => {
    const session = new SimSession();
    await session.load(presetScenario('fig4-selective'));
    const text = serializeTrace(await session.trace());
    const again = new SimSession();
    await again.loadTrace(JSON.parse(text) as Parameters<SimSession['loadTrace']>[0]);
    expect(serializeTrace(await again.trace())).toBe(text);
    expect(session.bytesPerEvent()).toBeGreaterThan(0);
  });

  it('answer the supervisor before anything is loaded', async () => {
    const session = new SimSession();
    expect(await session.cursorAtTime(0)).toBe(0);
    expect(await session.events(0, 10)).toEqual([]);
    await expect(session.frameAt(0)).rejects.toThrow('no scenario loaded');
  });
});
