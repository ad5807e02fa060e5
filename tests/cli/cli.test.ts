import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { fakeIo } from './fake-io';

describe('npm run sim', () => {
  it('--preset with --summary prints the figure 3 counts', () => {
    const f = fakeIo();
    expect(runCli(['--preset', 'fig3-broadcast', '--summary'], f.io)).toBe(0);
    expect(JSON.parse(f.out()).totals).toMatchObject({ contextSwitches: 12, spurious: 8 });
  });

  it('--policy overrides the scenario policy', () => {
    const f = fakeIo();
    expect(runCli(['--preset', 'fig3-broadcast', '--policy', 'selective', '--summary'], f.io)).toBe(
      0,
    );
    expect(JSON.parse(f.out()).totals).toMatchObject({ contextSwitches: 4, spurious: 0 });
  });

  it('--out writes the trace file; the same run twice is byte-identical', () => {
    const a = fakeIo();
    const b = fakeIo();
    runCli(['--preset', 'race-eoi', '--out', 't.json'], a.io);
    runCli(['--preset', 'race-eoi', '--out', 't.json'], b.io);
    const trace = JSON.parse(a.written['t.json']!);
    expect(trace).toMatchObject({ format: 'intx-lab/trace', version: 1 });
    expect(trace.summary.totals.spurious).toBe(6);
    expect(a.written['t.json']).toBe(b.written['t.json']);
  });

  it('reads a scenario file', () => {
    const doc = {
      format: 'intx-lab/scenario',
      version: 1,
      name: 'one device',
      policy: 'native',
      devices: [{ id: 'nic0', line: 'INTA', owners: ['os'] }],
      entities: [{ id: 'os', isrs: [{ id: 'os-nic0', device: 'nic0' }] }],
      stimuli: [{ at: 10, device: 'nic0', action: 'raise' }],
    };
    const f = fakeIo({ 's.json': JSON.stringify(doc) });
    expect(runCli(['s.json', '--summary'], f.io)).toBe(0);
    expect(JSON.parse(f.out()).totals).toMatchObject({ raised: 1, serviced: 1 });
  });

  it('bad input: one line naming the file, the JSON path and the problem; non-zero exit', () => {
    const doc = {
      format: 'intx-lab/scenario',
      version: 1,
      name: 'x',
      policy: 'native',
      devices: [{ id: 'a', line: 'INTA', owners: ['ghost'] }],
      entities: [{ id: 'os', isrs: [] }],
    };
    const f = fakeIo({ 'bad.json': JSON.stringify(doc) });
    expect(runCli(['bad.json'], f.io)).toBe(1);
    const lines = f.err().trim().split('\n');
    expect(lines[0]).toMatch(/^bad\.json: \$\.devices\[0\]\.owners\[0\]: .*ghost/);
  });

  it('a missing file, an unknown preset, bad flags and --vcd are refused cleanly', () => {
    const f1 = fakeIo();
    expect(runCli(['nope.json'], f1.io)).toBe(1);
    expect(f1.err()).toMatch(/^nope\.json: \$: cannot read the file/);
    const f2 = fakeIo();
    expect(runCli(['--preset', 'nope'], f2.io)).toBe(2);
    expect(f2.err()).toMatch(/unknown preset "nope"/);
    const f3 = fakeIo();
    expect(runCli(['--preset', 'fig2-native', '--policy', 'sideways'], f3.io)).toBe(2);
    const f4 = fakeIo();
    expect(runCli(['--preset', 'fig2-native', '--vcd'], f4.io)).toBe(2);
    expect(f4.err()).toMatch(/--vcd needs a file name/);
  });

  it('--vcd writes the value change dump of the run', () => {
    const f = fakeIo();
    expect(runCli(['--preset', 'fig5-gates', '--vcd', 'g.vcd'], f.io)).toBe(0);
    const vcd = f.written['g.vcd']!;
    expect(vcd).toMatch(/\$timescale 1ns \$end/);
    expect(vcd.endsWith('\n')).toBe(true);
    expect(f.out()).toBe(''); // a file was asked for: nothing on standard output
  });

  it('runs as a real command', () => {
    const r = spawnSync(
      'npm',
      ['run', '-s', 'sim', '--', '--preset', 'fig4-selective', '--summary'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).totals.spurious).toBe(0);
  });
});
