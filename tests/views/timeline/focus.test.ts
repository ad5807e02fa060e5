import { describe, expect, it } from 'vitest';
import { buildTrace } from '../../../src/engine/trace-types';
import { buildLanes } from '../../../src/replay/lanes';
import { FOCUS_MARGIN, interruptWindow, lineRises } from '../../../src/views/timeline/focus';
import { presetScenario, run } from '../../engine/helpers';

function lanesOf(preset: string) {
  const scenario = presetScenario(preset);
  const { events, summary } = run(scenario);
  return { lanes: buildLanes(buildTrace(scenario, events, summary)), events };
}

describe('the window the timeline opens on', () => {
  const { lanes, events } = lanesOf('fig3-broadcast');

  it('finds each rise of the line: fig3-broadcast raises at 1, 2, 3 and 4 ms', () => {
    // Each raise finds the line low (the previous one was serviced), so each rises.
    expect(lineRises(lanes)).toEqual([1_000_000, 2_000_000, 3_000_000, 4_000_000]);
  });

  it('frames the interrupt at the cursor, from its rise to its last change, with margins', () => {
    const w = interruptWindow(lanes, 0)!;
    // Before any rise: the first interrupt. It ends with the last change before
    // the next rise at 2 ms (the host unmasks the line after the last EOI).
    const lastChange = Math.max(...events.filter((e) => e.t < 2_000_000).map((e) => e.t));
    const span = lastChange - 1_000_000;
    expect(w[0]).toBeCloseTo(1_000_000 - span * FOCUS_MARGIN, 6);
    expect(w[1]).toBeCloseTo(lastChange + span * FOCUS_MARGIN, 6);
    // A pulse of a few µs fills the window instead of 0.2% of the run.
    expect(w[1] - w[0]).toBeLessThan(lanes.endT / 100);
    const third = interruptWindow(lanes, 3_000_500)!;
    expect(third[0]).toBeLessThan(3_000_000);
    expect(third[1]).toBeGreaterThan(3_000_500);
    expect(third[1]).toBeLessThan(4_000_000);
  });

  it('is null when the line never rises', () => {
    expect(interruptWindow({ groups: [], endT: 10, changeCount: 0 }, 0)).toBeNull();
  });
});
