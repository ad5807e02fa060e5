import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createColumnEngine } from '../../src/engine/column-engine';
import type { TraceEvent } from '../../src/engine/events';
import type { Scenario } from '../../src/engine/scenario';
import { summarize } from '../../src/engine/summary';
import { applyEvent, initialView } from '../../src/replay/view-state';
import { RunRecord } from '../../src/worker/run-record';
import { runScenario } from '../engine/arbitraries';
import { millionEventScenario } from '../bench/ui/million-scenario';
import { run, scenarioOf } from '../engine/helpers';

/**
 * A run recorded the session's way: the engine writes into the record's
 * columns and the snapshots are made only as far as a frame needs them. Any
 * cursor, reached in any order, must show what the folds from the start show.
 */
function recorded(scenario: Scenario, every: number, beat = () => {}): RunRecord {
  const record = new RunRecord(scenario, every, beat);
  const engine = createColumnEngine(scenario, record.events);
  while (engine.step()) record.recorded();
  record.finish();
  return record;
}

/** The view after each cursor, folded from the start (`applyEvent`, src/replay/view-state.ts). */
function viewAt(scenario: Scenario, events: readonly TraceEvent[], c: number) {
  const view = initialView(scenario);
  for (let i = 0; i < c; i++) applyEvent(view, events[i]!);
  return view;
}

describe('RunRecord recorded through the column sink: snapshots made on demand', () => {
  it('random scenarios, cursors in random order: the folds from the start', () => {
    fc.assert(
      fc.property(
        runScenario(),
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (scenario, every, fractions) => {
          const { events } = run(scenario);
          const record = recorded(scenario, every);
          expect(record.length).toBe(events.length);
          const delivered = events.flatMap((e, i) => (e.type === 'ioapic.deliver' ? [i + 1] : []));
          expect(record.interruptCursors).toEqual(delivered);
          for (const u of fractions) {
            const c = Math.floor(u * events.length);
            const frame = record.frameAt(c);
            expect(frame.summary).toEqual(summarize(scenario, events.slice(0, c)));
            expect(frame.view).toEqual(viewAt(scenario, events, c));
            expect(frame.event).toEqual(c > 0 ? events[c - 1] : null);
            expect(record.summaryAt(c)).toEqual(frame.summary);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a frame far into a long run catches up once, beating as it goes', () => {
    const scenario = scenarioOf(millionEventScenario(3000));
    const { events } = run(scenario);
    let beats = 0;
    const record = recorded(scenario, 1024, () => (beats += 1));
    expect(beats).toBe(0);
    const end = record.frameAt(events.length);
    expect(end.summary).toEqual(summarize(scenario, events));
    // The fold reaches the last snapshot before the end, with a beat every 4,096 events.
    const folded = Math.floor(events.length / 1024) * 1024;
    expect(beats).toBe(Math.floor(folded / 4096));
    expect(beats).toBeGreaterThan(9);
    // Back to the start and forward again: the snapshots are made, nothing is folded twice.
    expect(record.frameAt(3).view).toEqual(viewAt(scenario, events, 3));
    expect(record.frameAt(events.length - 1).event).toEqual(events[events.length - 2]);
    expect(beats).toBe(Math.floor(folded / 4096));
  });
});
