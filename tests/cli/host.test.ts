import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { runCli } from '../../src/cli/run';
import { fixture } from '../machine/fixtures';
import { sharedLineWithOldDevice } from '../support/vfio-refused';
import { fakeIo } from './fake-io';

const sharedWithOldDevice = JSON.stringify(sharedLineWithOldDevice());

function traceOf(args: string[]) {
  const f = fakeIo({ 's.json': sharedWithOldDevice });
  expect(runCli(['s.json', ...args, '--out', 't.json'], f.io)).toBe(0);
  return JSON.parse(f.written['t.json']!);
}

describe('npm run sim --host', () => {
  it('without --host the scenario keeps its own profile (the patent: nothing refused)', () => {
    const trace = traceOf([]);
    expect(trace.scenario.host).toBeUndefined();
    expect(trace.events.filter((e: { type: string }) => e.type === 'host.refuse')).toEqual([]);
    expect(trace.summary.totals).toMatchObject({ raised: 2, serviced: 2, lost: 0 });
  });

  it('--host vfio refuses the device without PCI 2.3 masking, as vfio_intx_enable does', () => {
    const trace = traceOf(['--host', 'vfio']);
    expect(trace.scenario.host).toBe('vfio');
    // vfio_intx_enable(): a shared line needs pci_check_and_mask_intx, so old0 gets -EBUSY at
    // set-up and its INTx is never enabled: its one raise is lost, nic0's is serviced.
    expect(trace.events.filter((e: { type: string }) => e.type === 'host.refuse')).toEqual([
      expect.objectContaining({
        t: 0,
        device: 'old0',
        entity: 'vm2',
        line: 'INTA',
        reason: 'no-intx-masking',
      }),
    ]);
    expect(trace.summary.totals).toMatchObject({ raised: 2, serviced: 1, lost: 1 });
  });

  it('--host and --policy combine on a preset; --host patent overrides a preset profile', () => {
    const kvm = fakeIo();
    expect(runCli(['--preset', 'kvm-late-ack', '--out', 'k.json'], kvm.io)).toBe(0);
    expect(JSON.parse(kvm.written['k.json']!).scenario.host).toBe('kvm');
    const patent = fakeIo();
    expect(
      runCli(['--preset', 'kvm-late-ack', '--host', 'patent', '--out', 'p.json'], patent.io),
    ).toBe(0);
    expect(JSON.parse(patent.written['p.json']!).scenario.host).toBe('patent');
    const both = parseArgs([
      '--preset',
      'fig3-broadcast',
      '--policy',
      'selective',
      '--host',
      'xen',
    ]);
    expect(both).toMatchObject({ ok: true, options: { policy: 'selective', host: 'xen' } });
  });

  it('a machine built from lspci and /proc/interrupts runs under --host like its printed file', () => {
    const dumps = {
      'lspci.txt': fixture('legacy-lspci-old.txt'),
      'interrupts.txt': fixture('legacy-proc-interrupts-1cpu.txt'),
    };
    const from = ['--from-lspci', 'lspci.txt', '--from-proc-interrupts', 'interrupts.txt'];
    const flags = ['--policy', 'selective', '--host', 'vfio', '--out', 't.json'];
    const direct = fakeIo(dumps);
    expect(runCli([...from, ...flags], direct.io)).toBe(0);
    const built = fakeIo(dumps);
    expect(runCli(from, built.io)).toBe(0);
    const viaFile = fakeIo({ 's.json': built.out() });
    expect(runCli(['s.json', ...flags], viaFile.io)).toBe(0);
    const trace = JSON.parse(direct.written['t.json']!);
    expect(trace.scenario.host).toBe('vfio');
    // The old machine's lspci shows no DisINTx on any shared device: VFIO refuses all five.
    const refused = trace.events.filter((e: { type: string }) => e.type === 'host.refuse');
    expect(refused.map((e: { reason: string }) => e.reason)).toEqual(
      Array(5).fill('no-intx-masking'),
    );
    expect(direct.written['t.json']).toBe(viaFile.written['t.json']);
  });

  it('a wrong or missing profile is refused naming the flag and the allowed values, exit 2', () => {
    const bad = fakeIo();
    expect(runCli(['--preset', 'fig3-broadcast', '--host', 'hyperv'], bad.io)).toBe(2);
    expect(bad.err().split('\n')[0]).toBe(
      'sim: --host must be one of patent, xen, vfio, kvm, got "hyperv"',
    );
    const missing = fakeIo();
    expect(runCli(['--preset', 'fig3-broadcast', '--host', '--summary'], missing.io)).toBe(2);
    expect(missing.err()).toMatch(
      /^sim: --host must be one of patent, xen, vfio, kvm, got nothing/,
    );
    expect(parseArgs(['--lesson', 'x', '--solution', '--host', 'vfio'])).toMatchObject({
      ok: false,
    });
  });

  it('--help names the flag and its profiles', () => {
    const f = fakeIo();
    expect(runCli(['--help'], f.io)).toBe(0);
    expect(f.out()).toContain('[--host patent|xen|vfio|kvm]');
  });
});
