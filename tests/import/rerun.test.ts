import { describe, expect, it } from 'vitest';
import { compareEvents, sameJson } from '../../src/import/rerun-check';
import type { TraceEvent } from '../../src/engine/events';
import { SimSession } from '../../src/worker/session';
import { bytesOf, exportedTraceText } from './helpers';

describe('re-run with this engine', () => {
  it('an exported trace re-runs identically', async () => {
    const session = new SimSession();
    const opened = await session.openFile(
      bytesOf(await exportedTraceText('race-eoi')),
      'race.json',
    );
    expect(opened.ok).toBe(true);
    const comparison = await session.checkRerun();
    expect(comparison.firstDifference).toBeNull();
    expect(comparison.differing).toBe(0);
    expect(comparison.rerunEvents).toBe(comparison.recordedEvents);
    expect(comparison.recordedEvents).toBeGreaterThan(0);
  });

  it('a trace recorded with other costs differs: first index and how many', async () => {
    const doc = JSON.parse(await exportedTraceText('fig3-broadcast')) as {
      scenario: { costs: Record<string, number> };
      events: TraceEvent[];
    };
    // The recorded events stay; the scenario now claims a slower world switch.
    doc.scenario.costs['contextSwitchNs'] = (doc.scenario.costs['contextSwitchNs'] ?? 0) + 777;
    const session = new SimSession();
    const opened = await session.openFile(bytesOf(JSON.stringify(doc)), 'edited.json');
    if (!opened.ok || opened.kind !== 'trace') throw new Error(JSON.stringify(opened));
    const comparison = await session.checkRerun();
    const firstSwitch = doc.events.findIndex((e) => e.type === 'entity.enter');
    expect(comparison.firstDifference).not.toBeNull();
    // A switch's cost shows only once the first switch has been made.
    expect(comparison.firstDifference!).toBeGreaterThan(firstSwitch);
    const rerun = new SimSession();
    await rerun.load(opened.run.scenario);
    const fresh = await rerun.events(0, comparison.rerunEvents);
    const at = comparison.firstDifference!;
    expect(sameJson(doc.events.slice(0, at), fresh.slice(0, at))).toBe(true);
    expect(sameJson(doc.events[at], fresh[at])).toBe(false);
    expect(comparison.differing).toBeGreaterThan(0);
    expect(comparison.differing).toBeLessThanOrEqual(
      Math.max(comparison.recordedEvents, comparison.rerunEvents) - comparison.firstDifference!,
    );
    // The session still holds the recorded events, not the re-run.
    expect((await session.events(0, doc.events.length)).length).toBe(doc.events.length);
  });

  it('compares events by value, ignoring key order; extra events count', () => {
    const a = { seq: 0, t: 5, type: 'device.raise', device: 'nic0' } as TraceEvent;
    const b = { device: 'nic0', type: 'device.raise', t: 5, seq: 0 } as TraceEvent;
    const c = { seq: 1, t: 9, type: 'run.end' } as TraceEvent;
    expect(sameJson(a, b)).toBe(true);
    expect(sameJson(a, { ...b, t: 6 })).toBe(false);
    expect(sameJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(compareEvents([a, c], [b, c])).toEqual({
      recordedEvents: 2,
      rerunEvents: 2,
      firstDifference: null,
      differing: 0,
    });
    expect(compareEvents([a], [b, c])).toEqual({
      recordedEvents: 1,
      rerunEvents: 2,
      firstDifference: 1,
      differing: 1,
    });
    expect(compareEvents([c, a], [a, c]).firstDifference).toBe(0);
  });
});
