import { describe, expect, it } from 'vitest';
import {
  checkSweepRequest,
  DEFAULT_SWEEP,
  eventsPerRaise,
  pointKey,
  runSweep,
  runSweepPoint,
  sweepPoints,
  sweepScenario,
  sweepTasks,
  type SweepPoint,
  type SweepPointSpec,
  type SweepRequest,
} from '../../src/analysis';
import { createMetricsEngine } from '../../src/engine/metrics-engine';
import { run } from '../engine/helpers';

const small: SweepRequest = {
  ...DEFAULT_SWEEP,
  vmCounts: [1, 2, 4],
  chainLengths: [1, 3],
  chainForVmAxis: 3,
  vmsForChainAxis: 2,
  raises: 200,
};

describe('the sweep scenario family', () => {
  it('gives every VM one device on the shared line and a chain with its own ISR last', () => {
    const s = sweepScenario({
      vms: 5,
      chain: 4,
      policy: 'broadcast',
      raises: 23,
      meanGapNs: 1000,
      seed: 3,
    });
    expect(s.lines).toHaveLength(1);
    expect(s.devices.map((d) => d.owners)).toEqual([['vm1'], ['vm2'], ['vm3'], ['vm4'], ['vm5']]);
    expect(s.devices.every((d) => d.line === 'INTA')).toBe(true);
    for (const [i, e] of s.entities.entries()) {
      expect(e.isrs).toHaveLength(4);
      expect(e.isrs.slice(0, 3).every((isr) => isr.device === null)).toBe(true);
      expect(e.isrs[3]!.device).toBe(`dev${i + 1}`);
    }
    expect(s.traffic.reduce((n, t) => n + t.count, 0)).toBe(23);
    // The line's mean gap stays the same whatever the number of devices.
    expect(s.traffic.every((t) => t.meanIntervalNs === 5000)).toBe(true);
    expect(s.seed).toBe(3);
  });

  it('gives fewer raises than VMs to the first devices only', () => {
    const s = sweepScenario({
      vms: 8,
      chain: 1,
      policy: 'selective',
      raises: 3,
      meanGapNs: 1000,
      seed: 1,
    });
    expect(s.traffic.map((t) => t.device)).toEqual(['dev1', 'dev2', 'dev3']);
  });
});

describe('sweep points', () => {
  it('lists the VM axis then the chain axis, every policy per value', () => {
    const points = sweepPoints(small);
    expect(points).toHaveLength((3 + 2) * 3);
    expect(points.slice(0, 3)).toEqual([
      { axis: 'vms', value: 1, vms: 1, chain: 3, policy: 'broadcast' },
      { axis: 'vms', value: 1, vms: 1, chain: 3, policy: 'selective' },
      { axis: 'vms', value: 1, vms: 1, chain: 3, policy: 'msi' },
    ]);
    expect(points.at(-1)).toEqual({
      axis: 'chain',
      value: 3,
      vms: 2,
      chain: 3,
      policy: 'msi',
    });
  });

  it('the MSI point: one switch per message, no spurious walk, no Status read', () => {
    const point = runSweepPoint(small, { axis: 'vms', value: 4, vms: 4, chain: 3, policy: 'msi' });
    const t = point.totals;
    expect(t.serviced).toBe(200);
    // A raise while the cause is still set writes no new message (it merges), so messages
    // can be fewer than raises; each message costs exactly its owner's switch and one ISR
    // call (the vector names the device: no walk of the chain of 3).
    expect(t.contextSwitches).toBe(t.deliveries);
    expect(t.isrCalls).toBe(t.deliveries);
    expect(t.spurious).toBe(0);
    expect(t.configReads).toBe(0);
  });

  it('computes a point from the engine summary of its scenario', () => {
    const spec: SweepPointSpec = { axis: 'vms', value: 4, vms: 4, chain: 3, policy: 'broadcast' };
    const point = runSweepPoint(small, spec);
    const scenario = sweepScenario({ ...small, vms: 4, chain: 3, policy: 'broadcast' });
    expect(point.totals).toEqual(run(scenario).summary.totals);
    const t = point.totals;
    expect(t.serviced).toBe(200);
    expect(point.perInterrupt.contextSwitches).toBeCloseTo(t.contextSwitches / t.serviced);
    // The whole machine's CPU: entities' busy time plus the host's own (broadcast: one
    // entry of hostEntryNs per delivery, no reads or writes, no injection cost by default).
    expect(t.hostCpuNs).toBe(t.deliveries * scenario.costs.hostEntryNs);
    expect(point.perInterrupt.cpuNs).toBeCloseTo((t.busyNs + t.hostCpuNs!) / t.serviced);
  });

  it('broadcast switches into every VM; selective only into the owner', () => {
    const b = runSweepPoint(small, {
      axis: 'vms',
      value: 4,
      vms: 4,
      chain: 3,
      policy: 'broadcast',
    });
    const s = runSweepPoint(small, {
      axis: 'vms',
      value: 4,
      vms: 4,
      chain: 3,
      policy: 'selective',
    });
    expect(b.perInterrupt.contextSwitches).toBeGreaterThan(3);
    expect(s.perInterrupt.contextSwitches).toBeLessThanOrEqual(1.01);
    expect(s.totals.spurious).toBe(0);
    expect(b.perInterrupt.spurious).toBeGreaterThan(2.5);
  });

  it('with one VM selective pays its Status reads and broadcast does not: the crossover', () => {
    const b = runSweepPoint(small, {
      axis: 'vms',
      value: 1,
      vms: 1,
      chain: 3,
      policy: 'broadcast',
    });
    const s = runSweepPoint(small, {
      axis: 'vms',
      value: 1,
      vms: 1,
      chain: 3,
      policy: 'selective',
    });
    expect(b.totals.configReads).toBe(0);
    expect(s.totals.configReads).toBeGreaterThan(0);
    expect(s.perInterrupt.cpuNs).toBeGreaterThan(b.perInterrupt.cpuNs);
  });
});

function fakePoint(spec: SweepPointSpec): SweepPoint {
  const totals = {
    raised: 1,
    serviced: 1,
    lost: 0,
    spurious: 0,
    isrCalls: 0,
    contextSwitches: spec.vms,
    configReads: 0,
    deliveries: 1,
    withdrawn: 0,
    hostUnhandled: 0,
    busyNs: 0,
    durationNs: 0,
  };
  return {
    ...spec,
    totals,
    perInterrupt: {
      contextSwitches: spec.vms,
      spurious: 0,
      isrCalls: 0,
      configReads: 0,
      cpuNs: spec.chain,
    },
  };
}

describe('running a sweep', () => {
  it('spreads points over the runners, reports each, and computes a shared point once', async () => {
    const calls: string[][] = [[], []];
    const runners = calls.map((log) => async (spec: SweepPointSpec) => {
      log.push(pointKey(spec));
      await new Promise((r) => setTimeout(r, 1));
      return fakePoint(spec);
    });
    const progress: number[] = [];
    // vms axis at chain 3 and chain axis at 2 VMs share (2 VMs, chain 3).
    const out = await runSweep(small, runners, (p) => progress.push(p.done));
    expect(out.cancelled).toBe(false);
    expect(out.points).toHaveLength(15);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(calls[0]!.length).toBeGreaterThan(0);
    expect(calls[1]!.length).toBeGreaterThan(0);
    const all = [...calls[0]!, ...calls[1]!];
    expect(all).toHaveLength(12);
    expect(new Set(all).size).toBe(12);
    const shared = out.points.filter((p) => p.vms === 2 && p.chain === 3);
    expect(shared.map((p) => p.axis).sort()).toEqual([
      'chain',
      'chain',
      'chain',
      'vms',
      'vms',
      'vms',
    ]);
  });

  it('cancel stops within one point', async () => {
    let started = 0;
    let finished = 0;
    let cancel = false;
    const runner = async (spec: SweepPointSpec) => {
      started += 1;
      await new Promise((r) => setTimeout(r, 1));
      finished += 1;
      return fakePoint(spec);
    };
    const out = await runSweep(
      small,
      [runner],
      (p) => {
        if (p.done >= 3) cancel = true;
      },
      () => cancel,
    );
    expect(out.cancelled).toBe(true);
    // The run that reached 3 places was the last one started: none after the cancel.
    expect(started).toBe(finished);
    const lastTask = sweepTasks(small)[started - 1]!;
    expect(out.points.length).toBeGreaterThanOrEqual(3);
    expect(out.points.length).toBeLessThan(3 + lastTask.slots.length);
  });

  it('runs the longest point first and fills every place once', () => {
    const tasks = sweepTasks(DEFAULT_SWEEP);
    // 36 places, the 16-VM, 4-ISR point of each policy on both axes: 33 runs.
    expect(tasks).toHaveLength(33);
    expect(tasks.flatMap((t) => t.slots).sort((a, b) => a - b)).toEqual(
      sweepPoints(DEFAULT_SWEEP).map((_, i) => i),
    );
    expect(pointKey(tasks[0]!.spec)).toBe('64x4:broadcast');
    for (let i = 1; i < tasks.length; i++) {
      expect(tasks[i]!.work).toBeLessThanOrEqual(tasks[i - 1]!.work);
    }
    // Longest processing time first on two runners, each run taking its estimate: the
    // two runners finish within a tenth of the sweep's whole work of each other.
    const ends = [0, 0];
    for (const t of tasks) {
      const k = ends[0]! <= ends[1]! ? 0 : 1;
      ends[k]! += t.work;
    }
    const total = ends[0]! + ends[1]!;
    expect(Math.abs(ends[0]! - ends[1]!) / total).toBeLessThan(0.1);
  });

  it('hands each free runner the longest run left, and returns points in drawing order', async () => {
    const tasks = sweepTasks(small);
    const starts: string[] = [];
    const byRunner: string[][] = [[], []];
    // A run takes its estimate in (scaled) time, so the runners come free as they would.
    const runners = byRunner.map((log) => async (spec: SweepPointSpec) => {
      starts.push(pointKey(spec));
      log.push(pointKey(spec));
      const work = eventsPerRaise(spec) * small.raises;
      await new Promise((r) => setTimeout(r, work / 2_000));
      return fakePoint(spec);
    });
    const out = await runSweep(small, runners, () => {});
    expect(starts).toEqual(tasks.map((t) => pointKey(t.spec)));
    // The two longest start at once, one on each runner.
    expect([byRunner[0]![0], byRunner[1]![0]].sort()).toEqual(
      [pointKey(tasks[0]!.spec), pointKey(tasks[1]!.spec)].sort(),
    );
    expect(out.points.map((p) => `${p.axis}:${pointKey(p)}`)).toEqual(
      sweepPoints(small).map((p) => `${p.axis}:${pointKey(p)}`),
    );
  });

  it('estimates each point of the default sweep within a quarter of its events', () => {
    // The default request's shape at fewer raises (the estimate is per raise).
    const r = { ...DEFAULT_SWEEP, raises: 400 };
    for (const { spec } of sweepTasks(r)) {
      const engine = createMetricsEngine(
        sweepScenario({ ...spec, raises: r.raises, meanGapNs: r.meanGapNs, seed: r.seed }),
      );
      engine.runTo(Infinity);
      const perRaise = engine.events / r.raises;
      expect(Math.abs(eventsPerRaise(spec) / perRaise - 1), pointKey(spec)).toBeLessThan(0.25);
    }
  });

  it('refuses bad requests, naming the field', () => {
    expect(checkSweepRequest(DEFAULT_SWEEP)).toEqual([]);
    const errors = checkSweepRequest({
      ...DEFAULT_SWEEP,
      vmCounts: [1, 65],
      chainLengths: [],
      raises: 0,
    });
    expect(errors).toContain('$.vmCounts[1]: must be an integer from 1 to 64');
    expect(errors).toContain('$.chainLengths: needs at least one value');
    expect(errors.some((e) => e.startsWith('$.raises:'))).toBe(true);
    const tooMany = checkSweepRequest({
      ...DEFAULT_SWEEP,
      raises: 100_000,
      chainForVmAxis: 16,
      vmsForChainAxis: 64,
    });
    expect(tooMany).toHaveLength(1);
    expect(tooMany[0]).toMatch(/^\$\.raises: .*event limit/);
  });
});
