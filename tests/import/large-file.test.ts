import { describe, expect, it } from 'vitest';
import { DECODE_CHUNK } from '../../src/import/decode';
import { normalizeScenario, serializeTrace } from '../../src/trace-io';
import { SimSession } from '../../src/worker/session';
import { millionEventScenario } from '../bench/ui/million-scenario';
import { bytesOf, recorder } from './helpers';

/**
 * A trace file several decode chunks long (the 100 MB figure is measured by
 * tests/bench/import.bench.ts): progress moves during decoding, never goes
 * back, and the replay is the recorded run.
 */
describe('a large trace file', () => {
  it('reports decoding chunk by chunk and opens the whole run', async () => {
    const scenario = normalizeScenario(millionEventScenario(4500));
    if (!scenario.ok) throw new Error(JSON.stringify(scenario.errors));
    const source = new SimSession();
    const recorded = await source.load(scenario.value);
    const text = serializeTrace(await source.trace());
    const bytes = bytesOf(text);
    expect(bytes.byteLength).toBeGreaterThan(2 * DECODE_CHUNK);

    const { reports, listen } = recorder();
    const session = new SimSession();
    const result = await session.openFile(bytes, 'large.trace.json', listen);
    if (!result.ok || result.kind !== 'trace') throw new Error(JSON.stringify(result));
    expect(result.run.eventCount).toBe(recorded.eventCount);
    expect(await session.frameAt(recorded.eventCount - 1)).toEqual(
      await source.frameAt(recorded.eventCount - 1),
    );

    const decoding = reports.filter((r) => r.stage === 'decode');
    expect(decoding.length).toBeGreaterThanOrEqual(Math.ceil(bytes.byteLength / DECODE_CHUNK));
    const fractions = reports.map((r) => r.fraction);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
  }, 120_000);
});
