import { describe, expect, it } from 'vitest';
import { startRun } from '../../src/engine/core';
import { createCounters } from '../../src/engine/summary-counters';
import { MetricsSink } from '../../src/engine/metrics-sink';
import { By, Op, scheduleIn, scheduleResync } from '../../src/engine/sim';
import { presetScenario, run } from './helpers';

/** A run of fig3-broadcast at time 0, before anything is taken off its agenda. */
function atStart() {
  const scenario = presetScenario('fig3-broadcast');
  return startRun(scenario, (sim) => new MetricsSink(sim, createCounters(scenario))).sim;
}

/** The FIFO's entries as [op, target, arg]. */
function fifo(sim: ReturnType<typeof atStart>): number[][] {
  const a = sim.s.agenda;
  const out: number[][] = [];
  for (let i = a.nowHead; i < a.nowTail; i++) out.push([...a.now.subarray(3 * i, 3 * i + 3)]);
  return out;
}

describe('a re-evaluation asked for right behind the same one', () => {
  it('is queued once, its insertion order still taken', () => {
    const sim = atStart();
    const before = fifo(sim).length;
    const order = sim.s.order;
    scheduleResync(sim, Op.MaskSync, 0, By.Host);
    scheduleResync(sim, Op.MaskSync, 0, By.NobodyCared);
    expect(fifo(sim).slice(before)).toEqual([[Op.MaskSync, 0, By.Host]]);
    expect(sim.s.order).toBe(order + 2);
  });

  it('is queued again behind anything else, or for another target', () => {
    const sim = atStart();
    const before = fifo(sim).length;
    scheduleResync(sim, Op.MaskSync, 0, By.Host);
    scheduleIn(sim, 0, Op.ControllerEval, 0);
    scheduleResync(sim, Op.MaskSync, 0, By.Host);
    scheduleResync(sim, Op.ControllerEval, 1);
    scheduleResync(sim, Op.ControllerEval, 0);
    expect(fifo(sim).slice(before)).toEqual([
      [Op.MaskSync, 0, By.Host],
      [Op.ControllerEval, 0, 0],
      [Op.MaskSync, 0, By.Host],
      [Op.ControllerEval, 1, 0],
      [Op.ControllerEval, 0, 0],
    ]);
  });

  it('leaves a broadcast unmasking its line once, at the instant its last VM EOIs', () => {
    // Figure 3 (broadcast under the patent's line mask): the line stays masked until every
    // VM has EOI'd to the host. Each host.eoi asks for a mask sync (host-eoi.ts); the one
    // that runs unmasks at the instant of the host.eoi whose inFlight is 0, once.
    const { events } = run(presetScenario('fig3-broadcast'));
    const unmasks = events.filter((e) => e.type === 'ioapic.mask' && e.value === 0);
    expect(unmasks.length).toBeGreaterThan(0);
    for (const u of unmasks) {
      const lastEoi = events
        .slice(0, u.seq)
        .reverse()
        .find((e) => e.type === 'host.eoi');
      expect(lastEoi).toMatchObject({ t: u.t, inFlight: 0 });
      const sameInstant = events.filter((e) => e.t === u.t && e.type === 'ioapic.mask');
      expect(sameInstant).toHaveLength(1);
    }
  });
});
