import { describe, expect, it } from 'vitest';
import { Comparer, VARIANTS, variantScenario } from '../../src/analysis';
import { presetScenario, run } from '../engine/helpers';

describe('compare variants', () => {
  it('runs the same scenario under every variant, each number from its own run', () => {
    const scenario = presetScenario('fig3-broadcast');
    const c = new Comparer().compare(scenario, Infinity);
    expect(c.variants.map((v) => v.id)).toEqual([
      'native',
      'broadcast',
      'selective',
      'selective-id',
      'msi',
      'xen',
      'vfio',
      'kvm',
    ]);
    const by = Object.fromEntries(c.variants.map((v) => [v.id, v]));
    // The figures the README states for this machine.
    expect(by.broadcast!.whole.totals).toMatchObject({ contextSwitches: 12, spurious: 8 });
    expect(by.selective!.whole.totals).toMatchObject({ contextSwitches: 4, spurious: 0 });
    expect(by.native!.entities).toBe(1);
    expect(by.native!.whole.totals.contextSwitches).toBe(0);
    expect(by.broadcast!.entities).toBe(3);
    for (const v of VARIANTS) {
      expect(by[v.id]!.whole).toEqual(run(variantScenario(scenario, v)).summary);
      expect(by[v.id]!.atT).toEqual(by[v.id]!.whole);
    }
    // MSI: only the owners, no spurious walk, no Status read.
    expect(by.msi!.whole.totals).toMatchObject({ contextSwitches: 4, spurious: 0, configReads: 0 });
    // Xen binds only the three owners, so on fig3 (every VM owns a device) it is broadcast.
    expect(by.xen!.whole.totals).toMatchObject({ contextSwitches: 12, spurious: 8 });
    expect(by.vfio!.whole.totals).toMatchObject({ contextSwitches: 4, spurious: 0 });
    // The device id spares the owner its walk: never more ISR calls than plain selective.
    expect(by['selective-id']!.whole.totals.isrCalls).toBeLessThanOrEqual(
      by.selective!.whole.totals.isrCalls,
    );
  });

  it('steps by time: at 0 nothing happened yet, and a later time never counts less', () => {
    const scenario = presetScenario('scale-32-vms');
    const comparer = new Comparer();
    const zero = comparer.compare(scenario, 0);
    for (const v of zero.variants) expect(v.atT.totals.serviced).toBe(0);
    const { events } = run(scenario);
    const mid = events[Math.floor(events.length / 2)]!.t;
    const later = comparer.compare(scenario, mid);
    const earlier = comparer.compare(scenario, mid / 2);
    for (let i = 0; i < later.variants.length; i++) {
      expect(later.variants[i]!.atT.totals.raised).toBeGreaterThanOrEqual(
        earlier.variants[i]!.atT.totals.raised,
      );
    }
    expect(later.t).toBe(mid);
  });

  it('another scenario is computed afresh', () => {
    const comparer = new Comparer();
    const a = comparer.compare(presetScenario('fig3-broadcast'), Infinity);
    const b = comparer.compare(presetScenario('scale-32-vms'), Infinity);
    expect(a.variants[1]!.entities).toBe(3);
    expect(b.variants[1]!.entities).toBe(32);
  });
});
