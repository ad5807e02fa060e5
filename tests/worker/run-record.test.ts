import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/engine/events';
import type { Scenario } from '../../src/engine/scenario';
import { createSummaryAccumulator, summarize } from '../../src/engine/summary';
import { PRESETS } from '../../src/presets';
import { applyEvent, initialView } from '../../src/replay/view-state';
import { RunRecord } from '../../src/worker/run-record';
import { scenarioFile } from '../engine/arbitraries';
import { presetScenario, run, scenarioOf } from '../engine/helpers';
import { millionEventScenario } from '../bench/ui/million-scenario';

function recordOf(scenario: Scenario, events: readonly TraceEvent[], every: number): RunRecord {
  const record = new RunRecord(scenario, every);
  for (const ev of events) record.add(ev);
  record.finish();
  return record;
}

describe('RunRecord: a frame from a snapshot equals the fold from the start', () => {
  // Small snapshot intervals cross many snapshots in a short preset run; 1024 is the real one.
  for (const preset of PRESETS) {
    it(`${preset.name}: summary and view at the cursors (snapshots every 1, 7 and 1024)`, () => {
      const scenario = presetScenario(preset.name);
      const { events } = run(scenario);
      for (const every of [1, 7, 1024]) {
        const record = recordOf(scenario, events, every);
        // The engine's own fold (src/engine/summary.ts `createSummaryAccumulator`) and the
        // replay fold (`applyEvent`), both from the start, moved along with the cursor.
        const acc = createSummaryAccumulator(scenario);
        const view = initialView(scenario);
        // Every cursor of the small presets; every 13th (and the end) of the big ones.
        const stride = events.length > 1500 ? 13 : 1;
        for (let c = 0; c <= events.length; c++) {
          if (c > 0) {
            acc.add(events[c - 1]!);
            applyEvent(view, events[c - 1]!);
          }
          if (c % stride !== 0 && c !== events.length) continue;
          const frame = record.frameAt(c);
          expect(frame.summary).toEqual(acc.result());
          expect(record.summaryAt(c)).toEqual(frame.summary);
          expect(frame.view).toEqual(view);
          expect(frame.event).toEqual(c > 0 ? events[c - 1] : null);
        }
      }
    });
  }

  it('random scenarios: the summary at random cursors equals summarize over the prefix', () => {
    fc.assert(
      fc.property(
        scenarioFile(),
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (file, every, fractions) => {
          const scenario = scenarioOf(file);
          const { events } = run(scenario);
          const record = recordOf(scenario, events, every);
          for (const u of fractions) {
            const c = Math.floor(u * events.length);
            expect(record.frameAt(c).summary).toEqual(summarize(scenario, events.slice(0, c)));
          }
          expect(record.summaryAt(events.length)).toEqual(summarize(scenario, events));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a long run, where the engine drops the served head of its raise queues, folds the same', () => {
    // Over 1,024 services of one device make the engine's accumulator compact its queue
    // of open raise times (`open.slice(openHead)` in src/engine/summary.ts); the copyable
    // fold moves its window the same way, across real 1,024-event snapshots.
    const scenario = scenarioOf(millionEventScenario(3000));
    const { events } = run(scenario);
    expect(events.length).toBeGreaterThan(40 * 1024);
    const record = recordOf(scenario, events, 1024);
    const acc = createSummaryAccumulator(scenario);
    const checks = new Set([0, 1023, 1024, 1025, events.length - 1, events.length]);
    for (let c = 0; c < events.length; c += 2999) checks.add(c);
    for (let c = 0; c <= events.length; c++) {
      if (c > 0) acc.add(events[c - 1]!);
      if (checks.has(c)) expect(record.summaryAt(c)).toEqual(acc.result());
    }
    expect(record.summaryAt(events.length)).toEqual(summarize(scenario, events));
  });

  it('clamps cursors and finds the cursor at a time', () => {
    const scenario = presetScenario('fig3-broadcast');
    const { events } = run(scenario);
    const record = recordOf(scenario, events, 1024);
    expect(record.frameAt(-5).cursor).toBe(0);
    expect(record.frameAt(events.length + 10).cursor).toBe(events.length);
    expect(record.frameAt(Number.NaN).cursor).toBe(0);
    const t = events[20]!.t;
    const expected = events.filter((e) => e.t <= t).length;
    expect(record.cursorAtTime(t)).toBe(expected);
    expect(record.cursorAtTime(-1)).toBe(0);
  });

  it('framesAt: several cursors in one call, each the frame frameAt gives alone', () => {
    // The cursors of one call share one fold (RunRecord.framesAt); each must still be the
    // frame of its own cursor (checked against the single-cursor fold above), in the order
    // asked, with views that are separate objects (the fold goes on after each is taken).
    const scenario = presetScenario('contention-4-vms');
    const { events } = run(scenario);
    const record = recordOf(scenario, events, 7);
    const n = events.length;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -3, max: n + 3 }), { minLength: 1, maxLength: 8 }),
        (cursors) => {
          const frames = record.framesAt(cursors);
          expect(frames.map((f) => f.cursor)).toEqual(cursors.map((c) => record.clamp(c)));
          frames.forEach((f, i) => expect(f).toEqual(record.frameAt(cursors[i]!)));
          const distinct = new Set(frames.map((f) => f.cursor)).size;
          expect(new Set(frames.map((f) => f.view)).size).toBe(distinct);
        },
      ),
      { numRuns: 60 },
    );
  });
});
