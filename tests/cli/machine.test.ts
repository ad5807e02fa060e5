import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { MACHINE_LIMITS } from '../../src/machine/limits';
import { fakeIo } from './fake-io';
import { fixture, fixturePath } from '../machine/fixtures';

const laptop = {
  'lspci.txt': fixture('laptop-lspci-vvv.txt'),
  'interrupts.txt': fixture('laptop-proc-interrupts-4cpu.txt'),
};

describe('npm run sim -- --from-lspci / --from-proc-interrupts', () => {
  it('without a run flag prints the built scenario; the report goes to standard error', () => {
    const f = fakeIo(laptop);
    const code = runCli(
      ['--from-lspci', 'lspci.txt', '--from-proc-interrupts', 'interrupts.txt'],
      f.io,
    );
    expect(code).toBe(0);
    const scenario = JSON.parse(f.out());
    expect(scenario).toMatchObject({
      format: 'intx-lab/scenario',
      version: 1,
      policy: 'broadcast',
    });
    expect(scenario.lines.map((l: { id: string }) => l.id)).toEqual(['IRQ16', 'IRQ17']);
    expect(f.err()).toMatch(/^IRQ 16 is shared by 2 devices: ehci-pci@00:1d\.0 \(PCI 2\.3\)/);
    expect(f.err()).toMatch(/not sharing \(MSI\/MSI-X\): .*nvme@01:00\.0/);
  });

  it('the printed scenario runs as a scenario file, with the same summary as running it directly', () => {
    const built = fakeIo(laptop);
    runCli(['--from-lspci', 'lspci.txt', '--from-proc-interrupts', 'interrupts.txt'], built.io);
    const viaFile = fakeIo({ 's.json': built.out() });
    expect(runCli(['s.json', '--policy', 'selective', '--summary'], viaFile.io)).toBe(0);
    const direct = fakeIo(laptop);
    const args = ['--from-lspci', 'lspci.txt', '--from-proc-interrupts', 'interrupts.txt'];
    expect(runCli([...args, '--policy', 'selective', '--summary'], direct.io)).toBe(0);
    expect(direct.out()).toBe(viaFile.out());
    expect(JSON.parse(direct.out()).totals).toMatchObject({ spurious: 0, lost: 0, raised: 12 });
  });

  it('runs with --summary, --out and --vcd like a scenario file', () => {
    const f = fakeIo({ 'i.txt': fixture('xen-dom0-proc-interrupts-2cpu.txt') });
    const code = runCli(
      ['--from-proc-interrupts', 'i.txt', '--summary', '--out', 't.json', '--vcd', 's.vcd'],
      f.io,
    );
    expect(code).toBe(0);
    expect(JSON.parse(f.out()).totals.raised).toBe(12);
    expect(JSON.parse(f.written['t.json']!).scenario.lines).toHaveLength(2);
    expect(f.written['s.vcd']).toMatch(/\$timescale 1ns \$end/);
  });

  it('lines not understood are reported as file:line and do not stop the build', () => {
    const f = fakeIo({ 'i.txt': fixture('truncated-proc-interrupts-4cpu.txt') });
    expect(runCli(['--from-proc-interrupts', 'i.txt'], f.io)).toBe(0);
    expect(f.err()).toMatch(/^i\.txt:7: not understood: cut short: 2 of 4 CPU counts/m);
    expect(f.err()).toMatch(/^i\.txt:8: not understood: not a row of \/proc\/interrupts/m);
    expect(f.err()).toMatch(/^i\.txt:20: not understood: cut short/m);
  });

  it('a dump over the size limit is refused in one line, before it is read', () => {
    const f = fakeIo({ 'big.txt': 'x'.repeat(MACHINE_LIMITS.textChars + 1) });
    expect(runCli(['--from-lspci', 'big.txt'], f.io)).toBe(1);
    expect(f.err()).toMatch(/^big\.txt:1: the text is 8\.0 MB, over the limit of 8\.0 MB/);
    expect(f.err().trim().split('\n')).toHaveLength(1);
  });

  it('errors: one line naming the file and line, non-zero exit', () => {
    const wrong = fakeIo({ 'x.txt': fixture('laptop-proc-interrupts-4cpu.txt') });
    expect(runCli(['--from-lspci', 'x.txt'], wrong.io)).toBe(1);
    expect(wrong.err().trim().split('\n').at(-1)).toBe(
      'x.txt:1: not lspci -vvv output: no device entry such as "00:1f.3 Audio device: ..."',
    );
    const swapped = fakeIo({
      'l.txt': fixture('laptop-proc-interrupts-4cpu.txt'),
      'i.txt': fixture('truncated-proc-interrupts-4cpu.txt'),
    });
    expect(runCli(['--from-lspci', 'l.txt', '--from-proc-interrupts', 'i.txt'], swapped.io)).toBe(
      1,
    );
    expect(swapped.err()).toMatch(/^l\.txt:1: not lspci -vvv output/m);
    const missing = fakeIo();
    expect(runCli(['--from-proc-interrupts', 'nope.txt'], missing.io)).toBe(1);
    expect(missing.err()).toMatch(/^nope\.txt: cannot read the file/);
    const alone = fakeIo({ 'i.txt': '   CPU0\n 16:  3  IO-APIC 16-fasteoi ehci_hcd:usb1\n' });
    expect(runCli(['--from-proc-interrupts', 'i.txt'], alone.io)).toBe(1);
    expect(alone.err()).toMatch(/^i\.txt: No interrupt line is shared by two devices/m);
    expect(alone.out()).toBe('');
  });

  it('bad arguments: missing file names, and no scenario file or preset with them', () => {
    const a = fakeIo();
    expect(runCli(['--from-lspci'], a.io)).toBe(2);
    expect(a.err()).toMatch(/--from-lspci needs a file name/);
    const b = fakeIo();
    expect(runCli(['--from-lspci', 'l.txt', '--preset', 'fig2-native'], b.io)).toBe(2);
    expect(b.err()).toMatch(/no scenario file or --preset with them/);
  });

  it('runs as a real command', () => {
    const r = spawnSync(
      'npm',
      [
        'run',
        '-s',
        'sim',
        '--',
        '--from-lspci',
        fixturePath('server-lspci-vvv-mail-wrapped.txt'),
        '--from-proc-interrupts',
        fixturePath('server-proc-interrupts-16cpu-mail-wrapped.txt'),
        '--policy',
        'selective',
        '--summary',
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).totals).toMatchObject({ raised: 18, lost: 0 });
    expect(r.stderr).toMatch(/IRQ 16 is shared by 3 devices/);
  });
});
