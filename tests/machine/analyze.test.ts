import { describe, expect, it } from 'vitest';
import { analyzeMachine, type MachineInventory } from '../../src/machine';
import { fixture } from './fixtures';

const device = (inv: MachineInventory, id: string) => {
  const d = inv.devices.find((x) => x.id === id);
  if (!d) throw new Error(`no device ${id} in ${inv.devices.map((x) => x.id).join(', ')}`);
  return d;
};
const sharing = (inv: MachineInventory) =>
  Object.fromEntries(inv.shared.map((l) => [l.id, l.deviceIds]));

/** One `lspci -vvv` entry, with the fields the analysis reads and `more` lines as printed. */
function lspciEntry(e: {
  address: string;
  title: string;
  irq: number;
  pin?: string;
  driver: string;
  more?: string[];
}): string {
  return [
    `${e.address} ${e.title}`,
    '\tControl: I/O- Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx-',
    `\tInterrupt: pin ${e.pin ?? 'A'} routed to IRQ ${e.irq}`,
    ...(e.more ?? []),
    `\tKernel driver in use: ${e.driver}`,
    '',
  ].join('\n');
}

describe('analyzeMachine', () => {
  it('lspci and /proc/interrupts together: shared lines with addresses, drivers, pins and PCI 2.3', () => {
    const inv = analyzeMachine({
      lspci: fixture('laptop-lspci-vvv.txt'),
      procInterrupts: fixture('laptop-proc-interrupts-4cpu.txt'),
    });
    expect(inv.sources).toEqual(['lspci', 'proc-interrupts']);
    expect(inv.cpus).toBe(4);
    expect(sharing(inv)).toEqual({
      IRQ16: ['ehci-pci@00:1d.0', 'i801_smbus@00:1f.4'],
      IRQ17: ['snd_hda_intel@00:1f.3', 'rtsx_pci@03:00.0'],
    });
    expect(inv.shared[0]).toMatchObject({ chip: 'IR-IO-APIC', trigger: 'level', count: 75111 });
    // ehci-pci registers "ehci_hcd:usb1": matched by the USB host controller rule.
    expect(device(inv, 'ehci-pci@00:1d.0')).toMatchObject({
      names: ['ehci_hcd:usb1'],
      pin: 'A',
      irq: 16,
      pci23: 'yes',
      mode: 'intx',
    });
    // Routed to IRQ 16 by lspci but MSI-X enabled: listed as not sharing.
    expect(device(inv, 'nvme@01:00.0').mode).toBe('msix');
    expect(device(inv, 'e1000e@00:1f.6').mode).toBe('msi');
    expect(device(inv, 'skl_uncore@00:00.0').mode).toBe('none');
    expect(inv.notUnderstood).toEqual([]);
  });

  it('a pre-2.3 card among 2.3 devices is legacy; an unmatched handler stays, by name', () => {
    const inv = analyzeMachine({
      lspci: fixture('server-lspci-vvv-mail-wrapped.txt'),
      procInterrupts: fixture('server-proc-interrupts-16cpu-mail-wrapped.txt'),
    });
    expect(inv.cpus).toBe(16);
    expect(sharing(inv)).toEqual({
      IRQ16: ['uhci_hcd@00:1a.0', 'radeon@05:01.0', 'aic7xxx@05:02.0'],
      IRQ18: ['uhci_hcd@00:1a.1', 'ehci_hcd@00:1a.7', 'ioc0'],
    });
    expect(device(inv, 'aic7xxx@05:02.0').pci23).toBe('legacy');
    expect(device(inv, 'aic7xxx@05:02.0').notes.join(' ')).toMatch(/No DisINTx/);
    expect(device(inv, 'ioc0')).toMatchObject({ address: null, pci23: 'unknown' });
    // Alone on IRQ 19: INTx, but not on a shared line.
    expect(device(inv, 'uhci_hcd@00:1d.2')).toMatchObject({ mode: 'intx', irq: 19 });
    expect(device(inv, 'e1000e@01:00.0').mode).toBe('msix');
  });

  it('old lspci without drivers: handlers inherit the DisINTx finding of the entries on their IRQ', () => {
    const inv = analyzeMachine({
      lspci: fixture('legacy-lspci-old.txt'),
      procInterrupts: fixture('legacy-proc-interrupts-1cpu.txt'),
    });
    expect(sharing(inv)).toEqual({
      IRQ5: ['uhci_hcd:usb1', 'uhci_hcd:usb2', 'EMU10K1'],
      IRQ11: ['eth0', 'VIA8233'],
    });
    expect(inv.shared.map((l) => l.chip)).toEqual(['XT-PIC', 'XT-PIC']);
    expect(device(inv, 'EMU10K1').pci23).toBe('legacy');
    expect(inv.remarks.join(' ')).toMatch(/names no drivers/);
    expect(inv.remarks.join(' ')).toMatch(/without root/);
    expect(inv.notUnderstood.map((n) => n.line)).toEqual([57, 55]);
  });

  it('/proc/interrupts alone (Xen dom0): sharing by handler names, PCI 2.3 unknown', () => {
    const inv = analyzeMachine({ procInterrupts: fixture('xen-dom0-proc-interrupts-2cpu.txt') });
    expect(sharing(inv)).toEqual({
      IRQ16: ['ehci_hcd:usb1', 'uhci_hcd:usb3'],
      IRQ18: ['uhci_hcd:usb6', 'i801_smbus'],
    });
    expect(device(inv, 'ehci_hcd:usb1')).toMatchObject({ address: null, pci23: 'unknown' });
    // Two MSI-X queues of one NIC are one device.
    expect(device(inv, 'eth0')).toMatchObject({ mode: 'msix', names: ['eth0-rx-0', 'eth0-tx-0'] });
  });

  it('/proc/interrupts alone groups NVMe queues by the address in the MSI-X domain name', () => {
    const inv = analyzeMachine({ procInterrupts: fixture('truncated-proc-interrupts-4cpu.txt') });
    expect(device(inv, '03:00.0')).toMatchObject({ mode: 'msix', address: '03:00.0' });
    expect(device(inv, '03:00.0').names).toHaveLength(5);
    expect(sharing(inv)).toEqual({ IRQ16: ['ehci_hcd:usb1', 'i801_smbus'] });
    // Line 7 is cut short and line 8 is a remark typed under it: two lines not understood.
    expect(inv.notUnderstood).toHaveLength(4);
  });

  it('lspci alone: devices routed to one IRQ share it, MSI-enabled ones do not', () => {
    const inv = analyzeMachine({ lspci: fixture('server-lspci-vvv.txt') });
    expect(sharing(inv)).toEqual({
      IRQ16: ['uhci_hcd@00:1a.0', 'radeon@05:01.0', 'aic7xxx@05:02.0'],
      IRQ18: ['uhci_hcd@00:1a.1', 'ehci_hcd@00:1a.7'],
    });
    expect(inv.shared[0]).toMatchObject({ chip: null, trigger: 'level', count: null });
    expect(inv.remarks.join(' ')).toMatch(/assumed to share/);
  });

  it('a dump in the wrong box is named as such, without a report per line', () => {
    const inv = analyzeMachine({
      lspci: fixture('laptop-proc-interrupts-4cpu.txt'),
      procInterrupts: fixture('laptop-lspci-vvv.txt'),
    });
    expect(inv.devices).toEqual([]);
    expect(inv.notUnderstood).toEqual([]);
    expect(inv.remarks).toEqual([
      expect.stringMatching(/looks like \/proc\/interrupts/),
      expect.stringMatching(/looks like lspci/),
    ]);
  });

  it('a machine without IO-APIC lines (an ARM GIC) says so', () => {
    const inv = analyzeMachine({
      procInterrupts: '           CPU0       CPU1\n 11:   9   8   GICv3  27 Level     arch_timer\n',
    });
    expect(inv.shared).toEqual([]);
    // arch_timer is a per-CPU interrupt (GIC number 27, below 32): no line devices share.
    expect(inv.devices).toEqual([]);
    expect(inv.remarks).toEqual([expect.stringMatching(/No wired, shareable line .*GICv3/)]);
  });

  it("an arm64 GIC's Level line shared by two functions is a shared line (show_interrupts prints Level)", () => {
    const entry = (address: string, what: string, pin: string, driver: string) =>
      lspciEntry({
        address,
        title: `USB controller: NEC Corporation ${what}`,
        irq: 43,
        pin,
        driver,
        more: ['\tDevice tree node: /sys/firmware/devicetree/base/pcie@30000000'],
      });
    const inv = analyzeMachine({
      lspci:
        entry('02:00.0', 'uPD720101 USB2 EHCI', 'C', 'ehci-pci') +
        entry('02:00.1', 'OHCI', 'A', 'ohci-pci'),
      procInterrupts: [
        '           CPU0       CPU1',
        ' 11:       9          8     GICv3  27 Level     arch_timer',
        ' 43:     120         31     GICv3 168 Level     ehci_hcd:usb1, ohci_hcd:usb2',
        ' 47:       3          0     ITS-MSI 524288 Edge      PCIe PME, aerdrv',
        '',
      ].join('\n'),
    });
    expect(inv.notUnderstood).toEqual([]);
    expect(sharing(inv)).toEqual({ IRQ43: ['ehci-pci@02:00.0', 'ohci-pci@02:00.1'] });
    expect(inv.shared[0]).toMatchObject({ chip: 'GICv3', trigger: 'level', count: 151 });
    expect(device(inv, 'ohci-pci@02:00.1').names).toEqual(['ohci_hcd:usb2']);
    expect(inv.devices.map((d) => d.id)).not.toContain('arch_timer');
    // GICv3.1's extended PPIs (1056 on) are per CPU too.
    const extended = analyzeMachine({
      procInterrupts: '           CPU0       CPU1\n 12:   9   8   GICv3 1056 Level     arm-pmu\n',
    });
    expect(extended.devices).toEqual([]);
  });

  it("one function's several handlers are one device: intel-lpss's children, a port's services", () => {
    const entry = (address: string, irq: number, driver: string) =>
      lspciEntry({
        address,
        title: 'Signal processing controller: Intel Corporation Serial IO I2C Host Controller',
        irq,
        driver,
      });
    const inv = analyzeMachine({
      lspci: entry('00:15.1', 17, 'intel-lpss') + entry('00:1c.0', 9, 'pcieport'),
      procInterrupts: [
        '            CPU0       CPU1',
        '   9:         4          0  IR-IO-APIC    9-fasteoi   acpi, PCIe PME, pciehp',
        '  17:       310         12  IR-IO-APIC   17-fasteoi   idma64.1, i2c_designware.1',
        '',
      ].join('\n'),
    });
    // Before, IRQ 17 was "shared by 2 devices" (idma64.1 and i2c_designware.1).
    expect(device(inv, 'intel-lpss@00:15.1')).toMatchObject({
      mode: 'intx',
      names: ['idma64.1', 'i2c_designware.1'],
    });
    expect(inv.devices.map((d) => d.id)).not.toContain('idma64.1');
    // The ACPI SCI is the platform's own handler: it still shares IRQ 9 with the port.
    expect(sharing(inv)).toEqual({ IRQ9: ['pcieport@00:1c.0', 'acpi'] });
    expect(device(inv, 'pcieport@00:1c.0').names).toEqual(['PCIe PME', 'pciehp']);
  });

  it('the merge leaves out a sibling on MSI-X and keeps platform devices named by ACPI id apart', () => {
    const entry = (address: string, irq: number, driver: string, kind: string) =>
      lspciEntry({
        address,
        title: `${kind}: Intel Corporation Device`,
        irq,
        driver,
        more: ['\tCapabilities: <access denied>'],
      });
    const inv = analyzeMachine({
      // Without root lspci hides igb's MSI-X: /proc/interrupts shows it.
      lspci:
        entry('00:15.0', 16, 'intel-lpss', 'Serial bus controller') +
        entry('03:00.0', 16, 'igb', 'Ethernet controller') +
        entry('00:1e.0', 20, 'intel-lpss', 'Communication controller'),
      procInterrupts: [
        '            CPU0       CPU1',
        '  16:       310         12  IR-IO-APIC   16-fasteoi   idma64.0, i2c_designware.0, INT34C5:00',
        '  20:        31          2  IR-IO-APIC   20-fasteoi   idma64.2, ttyS4',
        ' 130:       900         40  IR-PCI-MSIX-0000:03:00.0    0-edge      enp3s0',
        '',
      ].join('\n'),
    });
    expect(device(inv, 'intel-lpss@00:15.0').names).toEqual(['idma64.0', 'i2c_designware.0']);
    expect(device(inv, 'igb@03:00.0').mode).toBe('msi');
    // The pin controller (an ACPI id) is the platform's: it shares IRQ 16 with the LPSS function.
    expect(sharing(inv)).toEqual({ IRQ16: ['intel-lpss@00:15.0', 'INT34C5:00'] });
    // The LPSS UART's own child registers ttyS4: one function, nothing shared on IRQ 20.
    expect(device(inv, 'intel-lpss@00:1e.0').names).toEqual(['idma64.2', 'ttyS4']);
  });

  it('lspci -mm (quoted fields) is named as such', () => {
    const inv = analyzeMachine({
      lspci:
        '00:1d.0 "USB controller" "Intel Corporation" "82801 EHCI" -r05 "Dell" "Device 04b2"\n',
    });
    expect(inv.notUnderstood).toEqual([]);
    expect(inv.remarks).toEqual([expect.stringMatching(/machine-readable .*lspci -vvv/)]);
  });

  it('plain lspci (no -v) is named as such, not reported line by line', () => {
    const inv = analyzeMachine({
      lspci: '00:1d.0 USB controller: Intel EHCI\n00:1f.3 Audio device: Intel HD Audio\n',
    });
    expect(inv.devices.map((d) => d.mode)).toEqual(['none', 'none']);
    expect(inv.notUnderstood).toEqual([]);
    expect(inv.remarks).toEqual([expect.stringMatching(/without their details \(no -v\)/)]);
  });

  it('empty input is no source at all', () => {
    expect(analyzeMachine({ lspci: '  \n', procInterrupts: '' })).toMatchObject({
      sources: [],
      devices: [],
      shared: [],
    });
  });
});
