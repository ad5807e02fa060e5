import { describe, expect, it } from 'vitest';
import { parseLspci } from '../../src/machine';
import { fixture } from './fixtures';

const byAddress = (text: string, address: string) =>
  parseLspci(text).devices.find((d) => d.address === address)!;

describe('parseLspci', () => {
  it('reads pins, IRQs, drivers, DisINTx and MSI/MSI-X from lspci -vvv', () => {
    const text = fixture('laptop-lspci-vvv.txt');
    const r = parseLspci(text);
    expect(r.notUnderstood).toEqual([]);
    expect(r.devices).toHaveLength(14);
    expect(byAddress(text, '00:1d.0')).toMatchObject({
      kind: 'USB controller',
      driver: 'ehci-pci',
      pin: 'A',
      irq: 16,
      pci23: 'yes', // DisINTx- : the bit exists, it is just clear
      msi: false,
      msix: false,
    });
    expect(byAddress(text, '00:1f.3')).toMatchObject({
      driver: 'snd_hda_intel',
      msi: false,
      irq: 17,
    });
    expect(byAddress(text, '00:02.0')).toMatchObject({ driver: 'i915', msi: true });
    // MSI is disabled but MSI-X enabled: the NVMe drive uses MSI-X, still "routed to IRQ 16".
    expect(byAddress(text, '01:00.0')).toMatchObject({ msi: false, msix: true, irq: 16 });
    expect(byAddress(text, '00:1f.0')).toMatchObject({ driver: null, pin: null, irq: null });
  });

  it('reads the lines lspci.c prints without a key, and keeps a Control line under SltCtl a detail', () => {
    const text = [
      '[user@fedora ~]$ sudo lspci -vvv',
      '00:1c.0 PCI bridge: Intel Corporation Root Port #1 (prog-if 00 [Normal decode])',
      '\tControl: I/O+ Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx+',
      '\tInterrupt: pin A routed to IRQ 122',
      '\tCapabilities: [40] Express (v2) Root Port (Slot+), MSI 00',
      '\t\tSltCtl:\tEnable: AttnBtn- PwrFlt- MRL- PresDet- CmdCplt- HPIrq- LinkChg-',
      '\t\t\tControl: AttnInd Unknown, PwrInd Unknown, Power- Interlock-',
      '\tKernel driver in use: pcieport',
      '',
      '00:1f.6 Ethernet controller: Intel Corporation Ethernet Connection I219-LM',
      '\tDevice tree node: /sys/firmware/devicetree/base/pcie@0/ethernet@0',
      '\tFlags: bus master, fast devsel, latency 0, IRQ 130',
      '\tMemory at f7100000 (32-bit, non-prefetchable) [size=128K]',
      '\tI/O ports at f0d0 [size=8]',
      '\t[virtual] Expansion ROM at 000c0000 [disabled] [size=128K]',
      '\tBIST is running',
      '\tInterrupt: pin ? routed to IRQ 130',
      '\tKernel driver in use: e1000e',
      '',
      '02:00.0 CardBus bridge: Texas Instruments PCI1510 PC card Cardbus Controller',
      '\tMemory window 0: 40000000-43ffffff (prefetchable)',
      '\tI/O window 1: 00002400-000024ff',
      '\t16-bit legacy interface ports at 0001',
      '\t!!! Invalid class 0607 for header type 01',
      '\tInterrupt: pin A routed to IRQ 18',
      '\tKernel driver in use: yenta_cardbus',
      '',
    ].join('\n');
    const r = parseLspci(text);
    expect(r.notUnderstood).toEqual([]);
    // The slot's "Control: AttnInd ..." is no Command register: DisINTx+ still stands.
    expect(byAddress(text, '00:1c.0')).toMatchObject({ pci23: 'yes', controlCutOff: false });
    // "pin ?": Interrupt Pin reads 0, the IRQ is the kernel's for its MSI: no INTx line.
    expect(byAddress(text, '00:1f.6')).toMatchObject({ pin: null, irq: null });
    expect(byAddress(text, '02:00.0')).toMatchObject({ pin: 'A', irq: 18 });
  });

  it('a mail-wrapped copy reads like the original', () => {
    const plain = parseLspci(fixture('server-lspci-vvv.txt'));
    const wrapped = parseLspci(fixture('server-lspci-vvv-mail-wrapped.txt'));
    expect(wrapped.notUnderstood).toEqual([]);
    const strip = (ds: typeof plain.devices) => ds.map(({ line: _line, ...rest }) => rest);
    expect(strip(wrapped.devices)).toEqual(strip(plain.devices));
    // The wrapped Control line still ends in DisINTx-, the pre-2.3 card's has no DisINTx.
    expect(wrapped.devices.find((d) => d.address === '00:1a.0')!.pci23).toBe('yes');
    expect(wrapped.devices.find((d) => d.address === '05:02.0')!.pci23).toBe('legacy');
  });

  it('spaces for tabs and CR LF line ends change nothing', () => {
    const text = fixture('laptop-lspci-vvv.txt');
    const mangled = text.replace(/\t/g, '        ').replace(/\n/g, '\r\n');
    expect(parseLspci(mangled).devices).toEqual(parseLspci(text).devices);
    expect(parseLspci(mangled).notUnderstood).toEqual([]);
  });

  it('old lspci: domain in the address, no DisINTx, no drivers, capabilities hidden, a cut-off last entry', () => {
    const text = fixture('legacy-lspci-old.txt');
    const r = parseLspci(text);
    expect(r.driversShown).toBe(false);
    expect(r.devices.map((d) => d.address)).toEqual([
      '00:00.0',
      '00:09.0',
      '00:0a.0',
      '00:11.1',
      '00:11.2',
      '00:11.3',
      '00:11.5',
    ]);
    expect(byAddress(text, '00:09.0')).toMatchObject({
      pci23: 'legacy',
      irq: 5,
      pin: 'A',
      capabilitiesHidden: true,
    });
    expect(byAddress(text, '00:11.5')).toMatchObject({ pci23: 'unknown', controlCutOff: true });
    expect(r.notUnderstood.map((n) => [n.line, n.problem])).toEqual([
      [57, expect.stringMatching(/Control line is cut off/)],
      [55, expect.stringMatching(/ends inside this entry/)],
    ]);
  });

  it('keeps a non-zero domain, reads lspci -v "Flags: ... IRQ n" and reports unknown lines', () => {
    const text = [
      '0001:02:00.0 Ethernet controller: Example NIC',
      '\tFlags: bus master, fast devsel, latency 0, IRQ 40, IOMMU group 7',
      '\tKernel driver in use: examplenic',
      '\tThis line is not lspci',
      '',
      'garbage before an entry',
    ].join('\n');
    const r = parseLspci(text);
    expect(r.devices[0]).toMatchObject({ address: '0001:02:00.0', irq: 40, pin: null });
    expect(r.notUnderstood.map((n) => [n.line, n.problem])).toEqual([
      [4, 'an unknown line in a device entry'],
      [6, expect.stringMatching(/not inside a device entry/)],
    ]);
  });

  it('a cut-off "Interrupt:" line is reported and no pin is guessed', () => {
    const r = parseLspci(
      '00:1f.3 Audio device: X\n\tInterrupt: pin A rout\n\tKernel driver in use: y\n',
    );
    expect(r.devices[0]).toMatchObject({ pin: null, irq: null });
    expect(r.notUnderstood[0]).toMatchObject({
      line: 2,
      problem: expect.stringMatching(/cut short/),
    });
  });
});

describe('a stray line is never glued to a field', () => {
  it('a short line under a short field is reported, and the driver stays the driver', () => {
    const text = [
      '00:1d.0 USB controller: Intel Corporation 82801 EHCI',
      '\tControl: I/O- Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx-',
      '\tInterrupt: pin A routed to IRQ 16',
      '\tKernel driver in use: ehci-pci',
      'see above',
      '',
    ].join('\n');
    const r = parseLspci(text);
    expect(r.devices[0]).toMatchObject({ address: '00:1d.0', driver: 'ehci-pci', irq: 16 });
    expect(r.notUnderstood.map((n) => [n.line, n.text])).toEqual([[5, 'see above']]);
  });
});
