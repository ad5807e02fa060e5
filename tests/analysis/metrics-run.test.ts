import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimeFold, runMetrics } from '../../src/analysis';
import { summarize } from '../../src/engine/summary';
import { presetScenario, run } from '../engine/helpers';

const PRESETS = ['fig2-native', 'fig3-broadcast', 'fig4-selective', 'race-eoi', 'scale-32-vms'];

describe('metrics-only runs', () => {
  it.each(PRESETS)('%s: the summary equals the trace summary', (name) => {
    const scenario = presetScenario(name);
    expect(runMetrics(scenario)).toEqual(run(scenario).summary);
  });

  it('the summary at a time folds exactly the events up to that time, forward and back', () => {
    const scenario = presetScenario('fig3-broadcast');
    const { events } = run(scenario);
    const end = events[events.length - 1]!.t;
    const fold = createTimeFold(scenario);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: end + 10 }), { minLength: 1, maxLength: 12 }),
        (times) => {
          for (const t of times) {
            expect(fold.at(t)).toEqual(
              summarize(
                scenario,
                events.filter((e) => e.t <= t),
              ),
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('asking the same time twice gives the same answer (the held-back event is not lost)', () => {
    const scenario = presetScenario('fig4-selective');
    const { events } = run(scenario);
    const t = events[Math.floor(events.length / 2)]!.t;
    const fold = createTimeFold(scenario);
    const first = fold.at(t);
    expect(fold.at(t)).toEqual(first);
    expect(fold.at(Infinity)).toEqual(summarize(scenario, events));
  });
});
