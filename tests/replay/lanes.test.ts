import { describe, expect, it } from 'vitest';
import { buildTrace } from '../../src/engine/trace-types';
import { buildLanes, type Lane, type Lanes } from '../../src/replay/lanes';
import { signalChanges } from '../../src/trace-io/export/signals';
import { SimSession } from '../../src/worker/session';
import { lanesToSend } from '../../src/worker/transferable';
import { presetScenario, run } from '../engine/helpers';

function lanesOf(preset: string, overrides: Record<string, unknown> = {}) {
  const scenario = presetScenario(preset, overrides);
  const { events, summary } = run(scenario);
  const trace = buildTrace(scenario, events, summary);
  return { trace, summary, lanes: buildLanes(trace) };
}

function lane(lanes: Lanes, key: string): Lane {
  const found = lanes.groups.flatMap((g) => g.lanes).find((l) => l.key === key);
  if (!found) throw new Error(`no lane ${key}`);
  return found;
}

describe('buildLanes', () => {
  const { trace, summary, lanes } = lanesOf('fig3-broadcast');

  it('groups devices, then lines, then controller pins, then entities, in scenario order', () => {
    expect(lanes.groups.map((g) => g.title)).toEqual([
      'Device nic0',
      'Device disk0',
      'Device usb0',
      'Line INTA',
      'I/O APIC INTA',
      'VM vm1',
      'VM vm2',
      'VM vm3',
    ]);
  });

  it("labels each device's Figure 5 lanes with the patent's numbers", () => {
    const nic0 = lanes.groups[0]!;
    expect(nic0.lanes.map((l) => l.label)).toEqual([
      '500 cause',
      '510 enable',
      '520 INTx Status',
      '530 Interrupt Disable',
      '530 INTx pin',
    ]);
    expect(nic0.lanes.map((l) => l.patent)).toEqual(['500', '510', '520', '530', '530']);
    expect(lanes.groups[4]!.lanes.map((l) => l.label)).toEqual(['Remote IRR', 'mask']);
    expect(lanes.groups[5]!.lanes.map((l) => `${l.label}:${l.kind}`)).toEqual([
      'running:bit',
      'ISR:vector',
      'spurious:marks',
    ]);
  });

  it('holds exactly the value changes of the waveform exports (VCD, WaveJSON)', () => {
    const signals = signalChanges(trace).lanes.filter((l) => l.name !== 'spurious-count');
    const ours = lanes.groups.flatMap((g) => g.lanes);
    expect(ours.map((l) => l.key)).toEqual(signals.map((s) => `${s.scope}:${s.owner}:${s.name}`));
    ours.forEach((l, i) => {
      expect([...l.times]).toEqual(signals[i]!.changes.map((c) => c.t));
      expect([...l.values]).toEqual(signals[i]!.changes.map((c) => c.value));
    });
    expect(lanes.endT).toBe(signalChanges(trace).endT);
    expect(lanes.changeCount).toBe(ours.reduce((n, l) => n + l.times.length, 0));
  });

  it('starts every lane at 0 and keeps times strictly increasing', () => {
    for (const l of lanes.groups.flatMap((g) => g.lanes)) {
      expect(l.times[0]).toBe(0);
      for (let i = 1; i < l.times.length; i++) {
        expect(l.times[i]!).toBeGreaterThan(l.times[i - 1]!);
        expect(l.values[i]).not.toBe(l.values[i - 1]);
      }
    }
  });

  it("marks each entity's spurious interrupts once: as many rises as the summary counts", () => {
    for (const [id, e] of Object.entries(summary.entities)) {
      const marks = lane(lanes, `entity:${id}:spurious`);
      const rises = [...marks.values].filter((v) => v === 1).length;
      expect(rises, id).toBe(e.spurious);
    }
  });

  it('names the ISR values after the chain', () => {
    const isr = lane(lanes, 'entity:vm1:isr');
    expect(isr.valueNames).toEqual(['none', 'vm1-timer', 'vm1-serial', 'vm1-nic0']);
    expect([...isr.values].every((v) => v >= 0 && v <= 3)).toBe(true);
  });

  it('calls threads and the native OS by their names', () => {
    expect(lanesOf('threads').lanes.groups.at(-1)!.title).toMatch(/^Thread /);
    expect(lanesOf('fig2-native').lanes.groups.at(-1)!.title).toBe('OS os');
  });

  it('has its header lane in every group', () => {
    for (const g of lanes.groups) {
      expect(
        g.lanes.some((l) => l.key === g.headerLaneKey),
        g.key,
      ).toBe(true);
    }
  });
});

describe('SimSession.lanes', () => {
  it('is built once per load and rebuilt for the next run', async () => {
    const session = new SimSession();
    await session.load(presetScenario('fig3-broadcast'));
    const first = await session.lanes();
    expect(await session.lanes()).toBe(first);
    await session.load(presetScenario('fig4-selective'));
    const second = await session.lanes();
    expect(second).not.toBe(first);
    // Selective forwarding: the owner alone is interrupted, so no VM marks a spurious interrupt.
    const marks = second.groups.flatMap((g) => g.lanes).filter((l) => l.name === 'spurious');
    expect(marks.every((l) => l.values.length === 1)).toBe(true);
  });

  it('refuses before anything is loaded', async () => {
    await expect(new SimSession().lanes()).rejects.toThrow(/no scenario loaded/);
  });

  it("from the store's events one at a time, equal to the lanes of the whole trace", async () => {
    const session = new SimSession();
    await session.load(presetScenario('fig5-gates'));
    expect(await session.lanes()).toEqual(buildLanes(await session.trace()));
  });

  it('goes to the page as copies whose buffers are handed over, the kept lanes untouched', async () => {
    const session = new SimSession();
    await session.load(presetScenario('fig3-broadcast'));
    const kept = await session.lanes();
    const { lanes, buffers } = lanesToSend(kept);
    expect(lanes).toEqual(kept);
    const arrays = lanes.groups.flatMap((g) => g.lanes).flatMap((l) => [l.times, l.values]);
    expect(buffers).toHaveLength(arrays.length);
    expect(new Set(buffers).size).toBe(arrays.length);
    const own = new Set(
      kept.groups.flatMap((g) => g.lanes).flatMap((l) => [l.times.buffer, l.values.buffer]),
    );
    expect(buffers.some((b) => own.has(b))).toBe(false);
    // Handed over (a transfer detaches them), the copies are gone and the kept lanes are not.
    structuredClone(lanes, { transfer: buffers });
    expect(arrays.every((a) => a.length === 0)).toBe(true);
    expect(await session.lanes()).toBe(kept);
    expect(kept.groups[0]!.lanes[0]!.times.length).toBeGreaterThan(0);
  });
});
