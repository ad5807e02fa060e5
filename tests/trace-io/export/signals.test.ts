import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/engine';
import type { Trace } from '../../../src/engine/trace-types';
import { applyEvent, initialView, type ViewState } from '../../../src/replay/view-state';
import {
  bitsFor,
  COUNT_WIDTH,
  signalChanges,
  type SignalLane,
  type SignalSet,
} from '../../../src/trace-io/export/signals';
import { scenarioFile } from '../../engine/arbitraries';
import {
  handTrace,
  oneVmScenario,
  POLICIES,
  PRESET_NAMES,
  presetScenario,
  presetTrace,
  scenarioOf,
} from './helpers';

function findLane(set: SignalSet, owner: string, name: SignalLane['name']): SignalLane {
  const lane = set.lanes.find((l) => l.owner === owner && l.name === name);
  if (!lane) throw new Error(`no lane ${owner}.${name}`);
  return lane;
}

function expectWellFormed(set: SignalSet): void {
  const problems: string[] = [];
  for (const lane of set.lanes) {
    const where = `${lane.scope} ${lane.owner} ${lane.name}`;
    if (lane.changes[0]?.t !== 0) problems.push(`${where}: first change not at t = 0`);
    lane.changes.forEach((c, k) => {
      if (!Number.isInteger(c.t)) problems.push(`${where}: t ${c.t} is not whole`);
      if (!(c.value >= 0 && c.value < 2 ** lane.width)) {
        problems.push(`${where}: value ${c.value} out of ${lane.width} bits`);
      }
      const prev = lane.changes[k - 1];
      if (prev && !(c.t > prev.t)) problems.push(`${where}: t ${c.t} after ${prev.t}`);
      if (prev && c.value === prev.value) problems.push(`${where}: no change at ${c.t}`);
      if (c.t > set.endT) problems.push(`${where}: change at ${c.t} after the end`);
    });
  }
  expect(problems).toEqual([]);
}

/**
 * The lanes agree with the replay fold of `src/replay/view-state.ts`: after all
 * events of one nanosecond, every lane holds what the view shows.
 */
function expectMatchesViewFold(trace: Trace): void {
  const set = signalChanges(trace);
  const view: ViewState = initialView(trace.scenario);
  const entityChains = new Map<string, string[]>();
  for (const l of set.lanes) {
    if (l.name === 'isr') entityChains.set(l.owner, [...(l.labels ?? [])]);
  }
  const events = trace.events;
  // Per-lane cursor into its changes: the times below only increase.
  const cursors = set.lanes.map(() => 0);
  let i = 0;
  while (i < events.length) {
    const t = Math.floor(events[i]!.t);
    const spuriousNow = new Set<string>();
    while (i < events.length && Math.floor(events[i]!.t) === t) {
      const ev = events[i]!;
      if (ev.type === 'entity.spurious') spuriousNow.add(ev.entity);
      applyEvent(view, ev);
      i++;
    }
    set.lanes.forEach((lane, n) => {
      let k = cursors[n]!;
      while (k + 1 < lane.changes.length && lane.changes[k + 1]!.t <= t) k++;
      cursors[n] = k;
      const got = lane.changes[k]!.value;
      const d = view.devices[lane.owner];
      const l = view.lines[lane.owner];
      const e = view.entities[lane.owner];
      let want: number;
      switch (lane.name) {
        case 'cause':
          want = d!.cause;
          break;
        case 'enable':
          want = d!.enable;
          break;
        case 'intx-status':
          want = d!.status;
          break;
        case 'intx-disable':
          want = d!.disable;
          break;
        case 'pin':
          want = d!.pin;
          break;
        case 'level':
          want = l!.level;
          break;
        case 'remote-irr':
          want = l!.remoteIrr;
          break;
        case 'mask':
          want = l!.masked;
          break;
        case 'running':
          want = e!.running ? 1 : 0;
          break;
        case 'isr': {
          const chain = entityChains.get(lane.owner)!;
          want = e!.currentIsr === null ? 0 : chain.indexOf(e!.currentIsr);
          break;
        }
        case 'spurious':
          want = spuriousNow.has(lane.owner) ? 1 : 0;
          break;
        case 'spurious-count':
          want = e!.spurious;
          break;
      }
      if (got !== want) expect(got, `${lane.owner}.${lane.name} at ${t}`).toBe(want);
    });
  }
}

describe('signalChanges', () => {
  it('lists the lanes of every device, line, controller pin and entity in order', () => {
    const set = signalChanges(presetTrace('fig3-broadcast'));
    const names = set.lanes.map((l) => `${l.scope}:${l.owner}:${l.name}`);
    const device = (id: string) =>
      ['cause', 'enable', 'intx-status', 'intx-disable', 'pin'].map((n) => `device:${id}:${n}`);
    const entity = (id: string) =>
      ['running', 'isr', 'spurious', 'spurious-count'].map((n) => `entity:${id}:${n}`);
    expect(names).toEqual([
      ...device('nic0'),
      ...device('disk0'),
      ...device('usb0'),
      'line:INTA:level',
      'controller:INTA:remote-irr',
      'controller:INTA:mask',
      ...entity('vm1'),
      ...entity('vm2'),
      ...entity('vm3'),
    ]);
    expect(findLane(set, 'vm1', 'isr').width).toBe(2); // 3 ISRs: values 0..3
    expect(findLane(set, 'vm3', 'isr').width).toBe(3); // 4 ISRs: values 0..4
    expect(findLane(set, 'vm3', 'isr').labels).toEqual([
      'none',
      'vm3-timer',
      'vm3-serial',
      'vm3-audio',
      'vm3-usb0',
    ]);
    expect(findLane(set, 'vm1', 'spurious-count').width).toBe(COUNT_WIDTH);
  });

  it('folds the entities into one OS in native mode', () => {
    const set = signalChanges(presetTrace('fig3-broadcast', { policy: 'native' }));
    const owners = new Set(set.lanes.filter((l) => l.scope === 'entity').map((l) => l.owner));
    expect([...owners]).toEqual(['os']);
    // vm1's 3 ISRs + vm2's 2 + vm3's 2 (its timer and serial are vm1's handlers again) =
    // 7 ISRs: values 0..7 need 3 bits.
    expect(findLane(set, 'os', 'isr').width).toBe(3);
  });

  it('starts from the scenario: enable from `enabled`, everything else 0', () => {
    const scenario = oneVmScenario(1, {
      devices: [{ id: 'nic0', line: 'INTA', owners: ['vm1'], enabled: false }],
      stimuli: [],
    });
    const set = signalChanges(simulate(scenario));
    for (const lane of set.lanes) {
      expect(lane.initial, lane.name).toBe(0);
      expect(lane.changes).toEqual([{ t: 0, value: 0 }]);
    }
    const on = signalChanges(simulate(oneVmScenario(1, { stimuli: [] })));
    expect(findLane(on, 'nic0', 'enable').initial).toBe(1);
    expect(findLane(on, 'nic0', 'enable').changes).toEqual([{ t: 0, value: 1 }]);
  });

  it('applies the events at t = 0 to the first entry, keeping `initial`', () => {
    const set = signalChanges(
      simulate(oneVmScenario(1, { stimuli: [{ at: 0, device: 'nic0', action: 'raise' }] })),
    );
    const status = findLane(set, 'nic0', 'intx-status');
    expect(status.initial).toBe(0);
    expect(status.changes[0]).toEqual({ t: 0, value: 1 });
    expectWellFormed(set);
  });

  it('collapses several events in one nanosecond to the last value', () => {
    const scenario = oneVmScenario();
    const set = signalChanges(
      handTrace(scenario, [
        { t: 10, type: 'device.pin', device: 'nic0', value: 1 },
        { t: 10, type: 'device.pin', device: 'nic0', value: 0 },
        { t: 20, type: 'device.status', device: 'nic0', value: 1 },
        { t: 30, type: 'device.status', device: 'nic0', value: 0 },
        { t: 30, type: 'device.status', device: 'nic0', value: 1 },
        { t: 30, type: 'device.status', device: 'nic0', value: 0 },
        { t: 40, type: 'run.end', reason: 'idle' },
      ]),
    );
    expect(findLane(set, 'nic0', 'pin').changes).toEqual([{ t: 0, value: 0 }]);
    expect(findLane(set, 'nic0', 'intx-status').changes).toEqual([
      { t: 0, value: 0 },
      { t: 20, value: 1 },
      { t: 30, value: 0 },
    ]);
    expect(set.endT).toBe(40);
  });

  it('draws a spurious interrupt as a 1 ns pulse and counts it', () => {
    const scenario = oneVmScenario();
    const set = signalChanges(
      handTrace(scenario, [
        { t: 100, type: 'entity.spurious', entity: 'vm1' },
        { t: 500, type: 'entity.spurious', entity: 'vm1' },
        { t: 501, type: 'entity.spurious', entity: 'vm1' },
        { t: 501, type: 'run.end', reason: 'idle' },
      ]),
    );
    expect(findLane(set, 'vm1', 'spurious').changes).toEqual([
      { t: 0, value: 0 },
      { t: 100, value: 1 },
      { t: 101, value: 0 },
      { t: 500, value: 1 },
      { t: 502, value: 0 }, // two pulses 1 ns apart merge; the count tells them apart
    ]);
    expect(findLane(set, 'vm1', 'spurious-count').changes).toEqual([
      { t: 0, value: 0 },
      { t: 100, value: 1 },
      { t: 500, value: 2 },
      { t: 501, value: 3 },
    ]);
    expect(set.endT).toBe(502);
  });

  it('ends a pulse before the events of the next nanosecond apply', () => {
    const scenario = oneVmScenario();
    const set = signalChanges(
      handTrace(scenario, [
        { t: 100, type: 'entity.spurious', entity: 'vm1' },
        { t: 101, type: 'device.pin', device: 'nic0', value: 1 },
        { t: 300, type: 'run.end', reason: 'idle' },
      ]),
    );
    expect(findLane(set, 'vm1', 'spurious').changes).toEqual([
      { t: 0, value: 0 },
      { t: 100, value: 1 },
      { t: 101, value: 0 },
    ]);
    expect(set.endT).toBe(300);
  });

  it('numbers the ISR being called from 1 and clears it at EOI', () => {
    const set = signalChanges(simulate(oneVmScenario(5)));
    const isr = findLane(set, 'vm1', 'isr');
    expect(isr.width).toBe(3);
    expect(isr.changes.map((c) => c.value)).toEqual([0, 1, 2, 3, 4, 5, 0]);
  });

  it('floors fractional event times to the nanosecond', () => {
    const scenario = oneVmScenario();
    const set = signalChanges(
      handTrace(scenario, [
        { t: 10.25, type: 'device.pin', device: 'nic0', value: 1 },
        { t: 10.75, type: 'device.status', device: 'nic0', value: 1 },
        { t: 11.5, type: 'device.pin', device: 'nic0', value: 0 },
        { t: 12, type: 'run.end', reason: 'idle' },
      ]),
    );
    expect(findLane(set, 'nic0', 'pin').changes).toEqual([
      { t: 0, value: 0 },
      { t: 10, value: 1 },
      { t: 11, value: 0 },
    ]);
    expect(findLane(set, 'nic0', 'intx-status').changes).toEqual([
      { t: 0, value: 0 },
      { t: 10, value: 1 },
    ]);
  });

  it('refuses events that go back in time', () => {
    const trace = handTrace(oneVmScenario(), [
      { t: 10, type: 'device.pin', device: 'nic0', value: 1 },
      { t: 5, type: 'device.pin', device: 'nic0', value: 0 },
    ]);
    expect(() => signalChanges(trace)).toThrow(/seq 1 goes back in time/);
  });

  it('sizes vectors with bitsFor', () => {
    expect([0, 1, 2, 3, 4, 5, 7, 8, 9, 64].map(bitsFor)).toEqual([1, 1, 2, 2, 3, 3, 3, 4, 4, 7]);
  });

  describe('agrees with the replay view fold', () => {
    for (const name of PRESET_NAMES) {
      for (const policy of POLICIES) {
        it(`${name} under ${policy}`, () => {
          const trace = simulate(presetScenario(name, { policy }));
          const set = signalChanges(trace);
          expectWellFormed(set);
          expectMatchesViewFold(trace);
        });
      }
    }

    it('on random scenarios', () => {
      fc.assert(
        fc.property(scenarioFile(), (doc) => {
          const trace = simulate(scenarioOf(doc));
          expectWellFormed(signalChanges(trace));
          expectMatchesViewFold(trace);
        }),
        { numRuns: 60 },
      );
    });
  });
});
