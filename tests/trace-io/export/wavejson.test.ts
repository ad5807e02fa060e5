import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/engine';
import { signalChanges } from '../../../src/trace-io/export/signals';
import {
  DEFAULT_MAX_STEPS,
  toWaveJson,
  type WaveGroup,
  type WaveJson,
  type WaveLane,
} from '../../../src/trace-io/export/wavejson';
import { oneVmScenario, POLICIES, PRESET_NAMES, presetScenario, presetTrace } from './helpers';

const WAVE_CHARS = /^[01=.]*$/;

function lanesOf(doc: WaveJson): WaveLane[] {
  return doc.signal.flatMap((s) => (Array.isArray(s) ? (s.slice(1) as WaveLane[]) : [s]));
}
function groupsOf(doc: WaveJson): WaveGroup[] {
  return doc.signal.filter((s): s is WaveGroup => Array.isArray(s));
}

/** Every wave has one character per step, and one data item per `=`. */
function expectWellFormed(doc: WaveJson): number {
  const lanes = lanesOf(doc);
  const steps = lanes[0]!.wave.length;
  expect(steps).toBeGreaterThan(0);
  for (const lane of lanes) {
    expect(lane.wave, lane.name).toMatch(WAVE_CHARS);
    expect(lane.wave.length, lane.name).toBe(steps);
    expect(lane.wave[0], lane.name).not.toBe('.');
    const eq = [...lane.wave].filter((c) => c === '=').length;
    expect(lane.data?.length ?? 0, lane.name).toBe(eq);
  }
  for (const g of groupsOf(doc)) {
    expect(typeof g[0]).toBe('string');
    expect(g.length).toBeGreaterThan(1);
  }
  expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  return steps;
}

describe('toWaveJson', () => {
  describe('is well formed', () => {
    for (const name of PRESET_NAMES) {
      for (const policy of POLICIES) {
        it(`${name} under ${policy}`, () => {
          expectWellFormed(toWaveJson(simulate(presetScenario(name, { policy }))));
        });
      }
    }
  });

  it('gives fig3-broadcast one group per device, one for the line and one per VM', () => {
    const doc = toWaveJson(presetTrace('fig3-broadcast'));
    expect(groupsOf(doc).map((g) => g[0])).toEqual([
      'device nic0',
      'device disk0',
      'device usb0',
      'line INTA',
      'entity vm1',
      'entity vm2',
      'entity vm3',
    ]);
    const vm1 = groupsOf(doc).find((g) => g[0] === 'entity vm1')!;
    const lanes = vm1.slice(1) as WaveLane[];
    expect(lanes.map((l) => l.name)).toEqual(['running', 'isr', 'spurious', 'spurious-count']);
    const isr = lanes.find((l) => l.name === 'isr')!;
    expect(isr.data!.slice(0, 3)).toEqual(['vm1-timer', 'vm1-serial', 'vm1-nic0']);
    const line = groupsOf(doc).find((g) => g[0] === 'line INTA')!;
    expect((line.slice(1) as WaveLane[]).map((l) => l.name)).toEqual([
      'level',
      'remote-irr',
      'mask',
    ]);
    expect(doc.head.text).toBe('Figure 3: broadcast to every VM');
    expect(doc.config).toEqual({ hscale: 1 });
  });

  it('makes one step per distinct change time, labelled in ns', () => {
    const trace = presetTrace('fig5-gates');
    const doc = toWaveJson(trace);
    const times = [
      ...new Set(signalChanges(trace).lanes.flatMap((l) => l.changes.map((c) => c.t))),
    ].sort((a, b) => a - b);
    const ruler = doc.signal[0] as WaveLane;
    expect(ruler.name).toBe('t (ns)');
    expect(ruler.data).toEqual(times.map(String));
    expect(expectWellFormed(doc)).toBe(times.length);
    const nic0 = groupsOf(doc)
      .find((g) => g[0] === 'device nic0')!
      .slice(1) as WaveLane[];
    const wave = (name: string) => nic0.find((l) => l.name === name)!.wave;
    // Steps: 0, 1, 2, 3, 4, 5 ms, 5 ms + 100, + 500, + 1500, + 1600 ns.
    expect(wave('enable')).toBe('10..1.....');
    expect(wave('intx-disable')).toBe('0..1.0....');
    expect(wave('intx-status')).toBe('0...1..0..');
    expect(wave('pin')).toBe('0....1.0..');
  });

  it('caps the steps and says so in the title', () => {
    const trace = presetTrace('storm');
    const doc = toWaveJson(trace);
    expect(expectWellFormed(doc)).toBe(DEFAULT_MAX_STEPS);
    expect(doc.head.text).toMatch(/^.+ \(first 200 of \d+ steps, up to \d+ ns of \d+ ns\)$/);
    const small = toWaveJson(trace, { maxSteps: 7 });
    expect(expectWellFormed(small)).toBe(7);
    expect(small.head.text).toContain('first 7 of');
    const whole = toWaveJson(presetTrace('fig5-gates'), { maxSteps: 10 });
    expect(whole.head.text).toBe('Figure 5: the per-device gates');
  });

  it('draws spurious pulses and counts', () => {
    const doc = toWaveJson(presetTrace('fig3-broadcast'));
    const vm2 = groupsOf(doc)
      .find((g) => g[0] === 'entity vm2')!
      .slice(1) as WaveLane[];
    const spurious = vm2.find((l) => l.name === 'spurious')!;
    const count = vm2.find((l) => l.name === 'spurious-count')!;
    expect(spurious.wave).toMatch(/^0[.]*1[.]*0/);
    expect(count.data!.slice(0, 3)).toEqual(['0', '1', '2']);
  });

  it('names a vector lane by its ISR and is the same object for the same trace', () => {
    const trace = simulate(oneVmScenario(3));
    const doc = toWaveJson(trace);
    const isr = lanesOf(doc).find((l) => l.name === 'isr')!;
    expect(isr.data).toEqual(['vm1-other0', 'vm1-other1', 'vm1-nic0']);
    expect(JSON.stringify(toWaveJson(simulate(oneVmScenario(3))))).toBe(JSON.stringify(doc));
  });
});
