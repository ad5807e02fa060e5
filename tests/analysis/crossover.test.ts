import { describe, expect, it } from 'vitest';
import { compareAlong, selectiveCostsMore, type SweepPoint } from '../../src/analysis';

function point(
  axis: 'vms' | 'chain',
  value: number,
  policy: 'broadcast' | 'selective',
  cpuNs: number,
): SweepPoint {
  const zero = {
    raised: 0,
    serviced: 0,
    lost: 0,
    spurious: 0,
    isrCalls: 0,
    contextSwitches: 0,
    configReads: 0,
    deliveries: 0,
    withdrawn: 0,
    hostUnhandled: 0,
    busyNs: 0,
    durationNs: 0,
  };
  return {
    axis,
    value,
    policy,
    vms: value,
    chain: 1,
    totals: zero,
    perInterrupt: { contextSwitches: 0, spurious: 0, isrCalls: 0, configReads: 0, cpuNs },
  };
}

describe('crossover', () => {
  it('pairs broadcast and selective per value of one axis and finds where selective costs more', () => {
    const points = [
      point('vms', 2, 'broadcast', 6000),
      point('vms', 1, 'selective', 3500),
      point('vms', 1, 'broadcast', 3000),
      point('vms', 2, 'selective', 3600),
      point('vms', 4, 'broadcast', 12000), // selective not computed yet: left out
      point('chain', 1, 'selective', 1),
    ];
    const rows = compareAlong(points, 'vms', 'cpuNs');
    expect(rows).toEqual([
      { value: 1, broadcast: 3000, selective: 3500 },
      { value: 2, broadcast: 6000, selective: 3600 },
    ]);
    expect(selectiveCostsMore(rows)).toEqual([1]);
  });
});
