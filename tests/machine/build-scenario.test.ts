import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/engine';
import { analyzeMachine, buildScenario, proposeOwners, RAISES_PER_DEVICE } from '../../src/machine';
import { parseScenarioText, serializeScenario } from '../../src/trace-io';
import { fixture } from './fixtures';

const laptop = () =>
  analyzeMachine({
    lspci: fixture('laptop-lspci-vvv.txt'),
    procInterrupts: fixture('laptop-proc-interrupts-4cpu.txt'),
  });
const server = () =>
  analyzeMachine({
    lspci: fixture('server-lspci-vvv.txt'),
    procInterrupts: fixture('server-proc-interrupts-16cpu.txt'),
  });

function built(
  inv = laptop(),
  options: Parameters<typeof buildScenario>[1] = { policy: 'broadcast' },
) {
  const r = buildScenario(inv, options);
  if (!r.ok) throw new Error(r.problem);
  return r;
}

describe('buildScenario', () => {
  it('one line per shared IRQ, one proposed VM per device, an ISR chain per VM', () => {
    const { scenario, owners } = built();
    expect(scenario.lines).toEqual([
      { id: 'IRQ16', trigger: 'level' },
      { id: 'IRQ17', trigger: 'level' },
    ]);
    expect(owners).toEqual({
      'ehci-pci@00:1d.0': 'vm1',
      'i801_smbus@00:1f.4': 'vm2',
      'snd_hda_intel@00:1f.3': 'vm3',
      'rtsx_pci@03:00.0': 'vm4',
    });
    expect(scenario.devices.map((d) => [d.id, d.line, d.owners, d.pci23])).toEqual([
      ['ehci-pci@00:1d.0', 'IRQ16', ['vm1'], true],
      ['i801_smbus@00:1f.4', 'IRQ16', ['vm2'], true],
      ['snd_hda_intel@00:1f.3', 'IRQ17', ['vm3'], true],
      ['rtsx_pci@03:00.0', 'IRQ17', ['vm4'], true],
    ]);
    expect(scenario.entities[0]).toEqual({
      id: 'vm1',
      isrs: [{ id: 'vm1/ehci-pci@00:1d.0', device: 'ehci-pci@00:1d.0', flushPostedWrites: false }],
    });
    expect(scenario.stimuli).toHaveLength(4 * RAISES_PER_DEVICE);
    expect(scenario.description).toMatch(
      /MSI\/MSI-X, not sharing \(not simulated\): i915@00:02\.0/,
    );
  });

  it('runs in the engine under broadcast and selective; selective spares the other VMs', () => {
    const broadcast = simulate(built().scenario).summary.totals;
    const selective = simulate(built(laptop(), { policy: 'selective' }).scenario).summary.totals;
    const raises = 4 * RAISES_PER_DEVICE;
    expect(broadcast).toMatchObject({ raised: raises, serviced: raises, lost: 0 });
    expect(selective).toMatchObject({ raised: raises, serviced: raises, lost: 0, spurious: 0 });
    // Broadcast (FORMATS.md): every delivery goes to all 4 VMs; the 3 that do not own the device are spurious.
    expect(broadcast.contextSwitches).toBe(4 * raises);
    expect(broadcast.spurious).toBe(3 * raises);
    expect(selective.contextSwitches).toBe(raises);
  });

  it('a legacy device on the line makes its owner receive every interrupt of the line', () => {
    const { scenario } = built(server(), { policy: 'selective' });
    expect(scenario.devices.find((d) => d.id === 'aic7xxx@05:02.0')!.pci23).toBe(false);
    const summary = simulate(scenario).summary;
    expect(summary.totals.lost).toBe(0);
    const owner = scenario.devices.find((d) => d.id === 'aic7xxx@05:02.0')!.owners[0]!;
    const radeonOwner = scenario.devices.find((d) => d.id === 'radeon@05:01.0')!.owners[0]!;
    // The legacy device's owner is interrupted for all raises on IRQ 16 (3 devices), the others only for their own.
    expect(summary.entities[owner]!.interrupts).toBe(3 * RAISES_PER_DEVICE);
    expect(summary.entities[radeonOwner]!.interrupts).toBe(RAISES_PER_DEVICE);
  });

  it('owners are editable: two devices given to one VM share its chain', () => {
    const inv = laptop();
    const owners = {
      ...proposeOwners(inv),
      'i801_smbus@00:1f.4': 'vm1',
      'rtsx_pci@03:00.0': 'storage',
    };
    const { scenario } = built(inv, { policy: 'broadcast', owners });
    expect(scenario.entities.map((e) => [e.id, e.isrs.map((i) => i.device)])).toEqual([
      ['vm1', ['ehci-pci@00:1d.0', 'i801_smbus@00:1f.4']],
      ['vm3', ['snd_hda_intel@00:1f.3']],
      ['storage', ['rtsx_pci@03:00.0']],
    ]);
    expect(simulate(scenario).summary.totals.lost).toBe(0);
  });

  it('bad owner names are refused with the device named', () => {
    const inv = laptop();
    const r = buildScenario(inv, { policy: 'broadcast', owners: { 'ehci-pci@00:1d.0': ' ' } });
    expect(r).toEqual({ ok: false, problem: 'ehci-pci@00:1d.0: a VM name must not be empty' });
    const clash = buildScenario(inv, {
      policy: 'broadcast',
      owners: { 'ehci-pci@00:1d.0': 'rtsx_pci@03:00.0' },
    });
    expect(clash.ok).toBe(false);
  });

  it('the built scenario survives a round trip through the file format', () => {
    const { scenario } = built();
    const again = parseScenarioText(serializeScenario(scenario), 'built.json');
    expect(again.ok && again.value).toEqual(scenario);
  });

  it('plain lspci: the reason says it shows no pins, not that nothing is shared', () => {
    const inv = analyzeMachine({
      lspci: '00:1d.0 USB controller: Intel EHCI\n00:1f.3 Audio device: Intel HD Audio\n',
    });
    const r = buildScenario(inv, { policy: 'broadcast' });
    expect(!r.ok && r.problem).toMatch(/no sharing can be seen .*sudo lspci -vvv/);
    expect(!r.ok && r.problem).not.toMatch(/No interrupt line is shared/);
  });

  it('nothing shared: no scenario, and the reason says why', () => {
    const inv = analyzeMachine({
      procInterrupts:
        '      CPU0\n 16:  5  IO-APIC 16-fasteoi ehci_hcd:usb1\n 24: 9 PCI-MSI 1-edge ahci\n',
    });
    const r = buildScenario(inv, { policy: 'broadcast' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toMatch(
      /No interrupt line is shared by two devices: 1 device uses a pin .* and 1 uses MSI/,
    );
  });
});
