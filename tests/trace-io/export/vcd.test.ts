import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/engine';
import type { Trace } from '../../../src/engine/trace-types';
import { signalChanges, type ScopeKind } from '../../../src/trace-io/export/signals';
import { DEFAULT_VCD_DATE, toVcd, vcdId, vcdName } from '../../../src/trace-io/export/vcd';
import {
  oneVmScenario,
  POLICIES,
  PRESET_NAMES,
  presetScenario,
  presetTrace,
  scenarioOf,
} from './helpers';
import { findVar, parseVcd, valueAt, type VcdFile } from './vcd-parser';

const GROUPS: Record<ScopeKind, string> = {
  device: 'devices',
  line: 'lines',
  controller: 'ioapic',
  entity: 'entities',
};

/** Every lane of signalChanges comes back from the file unchanged, in lane order. */
function expectRoundTrip(trace: Trace, file: VcdFile): void {
  const set = signalChanges(trace);
  expect(file.vars).toHaveLength(set.lanes.length);
  set.lanes.forEach((lane, i) => {
    const v = file.vars[i]!;
    expect(v.scope).toEqual(['intx_lab', GROUPS[lane.scope], vcdName(lane.owner)]);
    expect(v.name).toBe(vcdName(lane.name));
    expect(v.type).toBe('wire');
    expect(v.width).toBe(lane.width);
    expect(v.range).toBe(lane.width === 1 ? null : `[${lane.width - 1}:0]`);
    expect(file.dumpvars.get(v.id)).toBe(lane.changes[0]!.value);
    const back = file.changes.get(v.id)!.map(({ t, value }) => ({ t, value }));
    expect(back, `${lane.owner}.${lane.name}`).toEqual(lane.changes);
  });
  expect(file.times[0]).toBe(0);
  expect(file.times[file.times.length - 1]).toBe(set.endT);
}

describe('toVcd', () => {
  describe('round-trips every lane through a strict reader', () => {
    for (const name of PRESET_NAMES) {
      for (const policy of POLICIES) {
        it(`${name} under ${policy}`, () => {
          const trace = simulate(presetScenario(name, { policy }));
          expectRoundTrip(trace, parseVcd(toVcd(trace)));
        });
      }
    }
  });

  it('writes the header sections IEEE 1364 asks for', () => {
    const text = toVcd(presetTrace('fig4-selective'));
    const file = parseVcd(text);
    expect(file.sections.timescale).toBe('1ns');
    expect(text).toContain('\n$timescale 1ns $end\n');
    expect(file.sections.version).toBe('INTx Lab intx-lab@0.1.0');
    expect(file.sections.date).toBe(DEFAULT_VCD_DATE);
    expect(file.sections.comment).toContain('scenario: Figure 4: selective forwarding');
    expect(text).toMatch(/\n\$enddefinitions \$end\n#0\n\$dumpvars\n/);
  });

  it('ends with exactly one newline', () => {
    const text = toVcd(presetTrace('fig2-native'));
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text).not.toContain('\r');
  });

  it('gives byte-identical output for the same trace', () => {
    const a = toVcd(presetTrace('fig3-broadcast'));
    expect(toVcd(presetTrace('fig3-broadcast'))).toBe(a);
    const trace = presetTrace('race-eoi');
    expect(toVcd(trace)).toBe(toVcd(structuredClone(trace)));
  });

  it('takes $date from the options, kept on one line and unable to end the section', () => {
    const file = parseVcd(
      toVcd(presetTrace('fig2-native'), { date: 'Mon Jan 1 2024\n$end #5 $var' }),
    );
    expect(file.sections.date).toBe('Mon Jan 1 2024 end #5 var');
  });

  it('uses short, unique, printable ids', () => {
    expect(vcdId(0)).toBe('!');
    expect(vcdId(93)).toBe('~');
    expect(vcdId(94)).toBe('!"');
    const many = Array.from({ length: 94 * 94 + 5 }, (_, i) => vcdId(i));
    expect(new Set(many).size).toBe(many.length);
    for (const id of many) expect(id).toMatch(/^[!-~]+$/);

    const file = parseVcd(toVcd(presetTrace('fig3-broadcast', { policy: 'selective' })));
    const ids = file.vars.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[!-~]+$/);
      expect(id.length).toBeLessThanOrEqual(2);
    }
  });

  it('writes timestamps that strictly increase', () => {
    const text = toVcd(presetTrace('storm'));
    const stamps = text.match(/^#\d+$/gm)!.map((s) => Number(s.slice(1)));
    expect(stamps[0]).toBe(0);
    stamps.slice(1).forEach((t, k) => expect(t).toBeGreaterThan(stamps[k]!));
    expect(parseVcd(text).times).toEqual(stamps);
  });

  it('writes vectors in binary without leading zeros', () => {
    const trace = simulate(oneVmScenario(5));
    const text = toVcd(trace);
    const file = parseVcd(text);
    const isr = findVar(file, ['intx_lab', 'entities', 'vm1'], 'isr');
    expect(isr.width).toBe(3);
    expect(isr.range).toBe('[2:0]');
    expect(text).toContain(`\nb0 ${isr.id}\n`);
    expect(text).toContain(`\nb101 ${isr.id}\n`); // the fifth ISR of the chain
    expect(file.changes.get(isr.id)!.map((c) => c.raw)).toEqual([
      '0',
      '1',
      '10',
      '11',
      '100',
      '101',
      '0',
    ]);
    for (const line of text.split('\n').filter((l) => l.startsWith('b'))) {
      expect(line).toMatch(/^b(0|1[01]*) [!-~]+$/);
    }
    const count = findVar(file, ['intx_lab', 'entities', 'vm1'], 'spurious_count');
    expect(count.width).toBe(32);
    expect(count.range).toBe('[31:0]');
  });

  it('writes scalars as a bit followed by the id', () => {
    const text = toVcd(presetTrace('fig2-native'));
    const body = text.slice(text.indexOf('$enddefinitions'));
    const file = parseVcd(text);
    const scalarIds = new Set(file.vars.filter((v) => v.width === 1).map((v) => v.id));
    for (const line of body.split('\n').filter((l) => /^[01xz]/.test(l))) {
      expect(line).toMatch(/^[01][!-~]+$/);
      expect(scalarIds.has(line.slice(1))).toBe(true);
    }
  });

  it('dumps every initial value under #0', () => {
    const scenario = oneVmScenario(2, {
      devices: [{ id: 'nic0', line: 'INTA', owners: ['vm1'], enabled: false }],
    });
    const file = parseVcd(toVcd(simulate(scenario)));
    expect(file.dumpvars.size).toBe(file.vars.length);
    for (const v of file.vars) {
      expect(file.dumpvars.get(v.id), v.name).toBe(0);
      expect(file.changes.get(v.id)![0]!.t).toBe(0);
    }
    const enabled = parseVcd(toVcd(simulate(oneVmScenario(2))));
    const enable = findVar(enabled, ['intx_lab', 'devices', 'nic0'], 'enable');
    expect(enabled.dumpvars.get(enable.id)).toBe(1);
  });

  it('makes names safe and keeps scopes apart after sanitizing', () => {
    expect(vcdName('nic 0')).toBe('nic_0');
    expect(vcdName('intx-status')).toBe('intx_status');
    expect(vcdName('0abc')).toBe('_0abc');
    expect(vcdName('')).toBe('_');
    expect(vcdName('a$end')).toBe('a_end');

    const trace = simulate(
      scenarioOf({
        format: 'intx-lab/scenario',
        version: 1,
        name: 'awkward $end names',
        policy: 'selective',
        lines: [{ id: 'line A', trigger: 'level' }],
        devices: [
          { id: 'nic 0', line: 'line A', owners: ['vm one'] },
          { id: 'nic_0', line: 'line A', owners: ['vm one'] },
        ],
        entities: [
          {
            id: 'vm one',
            isrs: [
              { id: 'isr a', device: 'nic 0' },
              { id: 'isr b', device: 'nic_0' },
            ],
          },
        ],
        stimuli: [{ at: 100, device: 'nic 0', action: 'raise' }],
      }),
    );
    const text = toVcd(trace);
    const file = parseVcd(text);
    const devices = [
      ...new Set(file.vars.filter((v) => v.scope[1] === 'devices').map((v) => v.scope[2])),
    ];
    expect(devices).toEqual(['nic_0', 'nic_0_2']);
    expect(findVar(file, ['intx_lab', 'lines', 'line_A'], 'level')).toBeDefined();
    expect(findVar(file, ['intx_lab', 'entities', 'vm_one'], 'running')).toBeDefined();
    for (const line of text.split('\n').filter((l) => /^\$(var|scope) /.test(l))) {
      expect(
        line
          .split(' ')
          .slice(1, -1)
          .every((w) => /^[!-~]+$/.test(w)),
      ).toBe(true);
    }
  });

  it('shows Figure 5 by hand: the pin follows Command bit 10, Status bit 3 does not', () => {
    const trace = presetTrace('fig5-gates');
    const file = parseVcd(toVcd(trace));
    const nic0 = ['intx_lab', 'devices', 'nic0'];
    const pin = findVar(file, nic0, 'pin').id;
    const disable = findVar(file, nic0, 'intx_disable').id;
    const status = findVar(file, nic0, 'intx_status').id;
    const enable = findVar(file, nic0, 'enable').id;
    const cause = findVar(file, nic0, 'cause').id;
    const ms = 1_000_000;

    // 1 ms: enable off; 2 ms: raise sets the cause but not INTx Status.
    expect(valueAt(file, enable, 1 * ms)).toBe(0);
    expect(valueAt(file, cause, 2 * ms)).toBe(1);
    expect(valueAt(file, status, 2 * ms)).toBe(0);
    // 3 ms: Command bit 10 set.
    expect(valueAt(file, disable, 3 * ms)).toBe(1);
    // 4 ms: enable on: INTx Status (Status bit 3) is 1 although bit 10 is set...
    expect(valueAt(file, status, 4 * ms)).toBe(1);
    // ...and the pin stays 0 for as long as bit 10 is 1.
    for (const c of file.changes.get(pin)!) {
      if (valueAt(file, disable, c.t) === 1) expect(c.value).toBe(0);
    }
    expect(valueAt(file, pin, 5 * ms - 1)).toBe(0);
    // 5 ms: bit 10 cleared: the pin drives the line.
    expect(valueAt(file, disable, 5 * ms)).toBe(0);
    expect(valueAt(file, pin, 5 * ms)).toBe(1);
    expect(valueAt(file, findVar(file, ['intx_lab', 'lines', 'INTA'], 'level').id, 5 * ms)).toBe(1);
    // The OS services it: cause, status and pin fall together 500 ns later.
    expect(valueAt(file, pin, 5 * ms + 500)).toBe(0);
    expect(valueAt(file, status, 5 * ms + 500)).toBe(0);
    expect(file.changes.get(pin)!.map((c) => c.t)).toEqual([0, 5 * ms, 5 * ms + 500]);
  });

  const vcd2fst = spawnSync('vcd2fst', ['--help'], { stdio: 'ignore' });
  const hasVcd2fst = !vcd2fst.error;
  it.skipIf(!hasVcd2fst)('is accepted by GTKWave vcd2fst', () => {
    const dir = mkdtempSync(join(tmpdir(), 'intx-vcd-'));
    try {
      const input = join(dir, 'fig3.vcd');
      const output = join(dir, 'fig3.fst');
      writeFileSync(input, toVcd(presetTrace('fig3-broadcast')));
      const run = spawnSync('vcd2fst', [input, output], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(existsSync(output) && statSync(output).size > 0).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a device the host refused at set-up', () => {
  it('has its enable lane at 0 from the start, so INTx Status 0 follows from its gates', () => {
    const trace = simulate(presetScenario('legacy-device', { host: 'vfio' }));
    const lanes = signalChanges(trace).lanes.filter((l) => l.owner === 'usb0');
    const enable = lanes.find((l) => l.name === 'enable')!;
    expect(enable.changes).toEqual([{ t: 0, value: 0 }]);
    const cause = lanes.find((l) => l.name === 'cause')!;
    expect(cause.changes.some((c) => c.value === 1)).toBe(true);
    expect(lanes.find((l) => l.name === 'intx-status')!.changes).toEqual([{ t: 0, value: 0 }]);
  });
});
