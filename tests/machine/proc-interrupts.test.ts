import { describe, expect, it } from 'vitest';
import { parseProcInterrupts } from '../../src/machine';
import { addressInName } from '../../src/machine/match-names';
import { fixture } from './fixtures';

const rowOf = (text: string, irq: number) =>
  parseProcInterrupts(text).table.rows.find((r) => r.irq === irq);

describe('parseProcInterrupts', () => {
  it('reads 4 CPU columns, IR-IO-APIC lines and per-device MSI-X domains', () => {
    const r = parseProcInterrupts(fixture('laptop-proc-interrupts-4cpu.txt'));
    expect(r.notUnderstood).toEqual([]);
    expect(r.table.cpus).toBe(4);
    const row16 = r.table.rows.find((x) => x.irq === 16)!;
    expect(row16).toMatchObject({
      chip: 'IR-IO-APIC',
      kind: 'ioapic',
      trigger: 'level',
      names: ['i801_smbus', 'ehci_hcd:usb1'],
      line: 7,
    });
    // The counts of all four CPUs are summed: 48817 + 4578 + 15772 + 5944.
    expect(row16.count).toBe(75111);
    expect(r.table.rows.find((x) => x.irq === 1)).toMatchObject({
      kind: 'ioapic',
      trigger: 'edge',
    });
    expect(r.table.rows.find((x) => x.irq === 124)).toMatchObject({
      kind: 'msi',
      chip: 'IR-PCI-MSIX-0000:01:00.0',
      address: '01:00.0',
      names: ['nvme0q0'],
    });
    expect(r.table.rows.find((x) => x.irq === 120)!.kind).toBe('other'); // DMAR-MSI: the IOMMU
    // Named rows (NMI, LOC, ERR...) are counters, not devices.
    expect(r.table.rows.every((x) => Number.isInteger(x.irq))).toBe(true);
  });

  it('reads Xen dom0 names (xen-pirq-ioapic-level, xen-pirq-msi, event channels) with 2 CPUs', () => {
    const text = fixture('xen-dom0-proc-interrupts-2cpu.txt');
    const r = parseProcInterrupts(text);
    expect(r.notUnderstood).toEqual([]);
    expect(r.table.cpus).toBe(2);
    expect(rowOf(text, 16)).toMatchObject({
      kind: 'ioapic',
      trigger: 'level',
      names: ['ehci_hcd:usb1', 'uhci_hcd:usb3'],
    });
    expect(rowOf(text, 1)).toMatchObject({ kind: 'ioapic', trigger: 'edge' });
    expect(rowOf(text, 53)!.kind).toBe('msi');
    expect(rowOf(text, 54)!.kind).toBe('msi');
    expect(rowOf(text, 52)!.kind).toBe('other');
    expect(rowOf(text, 48)!.kind).toBe('other');
  });

  it('reads Xen and new-kernel spellings written with spaces between the columns', () => {
    const text = [
      '           CPU0       CPU1',
      '  16:        10          0  xen-pirq    -ioapic-level  ehci_hcd:usb1, uhci_hcd:usb3',
      '  17:         1          0   IO-APIC   17-fasteoi   snd_hda_intel:card0',
      '  18:         2          0  PCI-MSI-0000:00:14.0    0-edge      xhci_hcd',
      '  30:         4          4  GICv3  27 Level     arch_timer',
    ].join('\n');
    expect(rowOf(text, 16)).toMatchObject({ kind: 'ioapic', trigger: 'level', chip: 'xen-pirq' });
    expect(rowOf(text, 17)).toMatchObject({ kind: 'ioapic', names: ['snd_hda_intel:card0'] });
    expect(rowOf(text, 18)).toMatchObject({ kind: 'msi', address: '00:14.0' });
    expect(rowOf(text, 30)!.kind).toBe('other');
  });

  it('reads the hardware number and trigger columns of GENERIC_IRQ_SHOW_LEVEL kernels (arm64)', () => {
    // kernel/irq/proc.c show_interrupts(): the chip (" %8s", or irq_print_chip), the
    // hwirq (" %*d") when the IRQ has a domain, then " %-8s" of "Level" or "Edge"
    // from irqd_is_level_type(), then the handler names after two spaces.
    const text = [
      '           CPU0       CPU1       CPU2       CPU3',
      '  11:     123456     234567     345678     456789     GICv3  27 Level     arch_timer',
      '  41:          0          0          1          0   ITS-MSI 524288 Edge      nvme0q0',
      '  47:         12          0          0          0     GICv3 100 Level     ahci[0000:01:00.0], eth1',
      '  52:         55          0          0          0  BRCM STB PCIe MSI 524288 Edge      xhci_hcd',
      // A flow handler's name comes after the padded trigger: "-%-8s".
      '  60:          3          0          0          0     GICv3  35 Edge    -edge      gpio-keys',
      'IPI0:      1024       2048       1024       2048       Rescheduling interrupts',
      'Err:          0',
    ].join('\n');
    const r = parseProcInterrupts(text);
    expect(r.notUnderstood).toEqual([]);
    expect(rowOf(text, 11)).toMatchObject({
      chip: 'GICv3',
      kind: 'other',
      trigger: 'level',
      names: ['arch_timer'],
      count: 1160490,
    });
    expect(rowOf(text, 41)).toMatchObject({ kind: 'msi', trigger: 'edge', names: ['nvme0q0'] });
    expect(rowOf(text, 47)).toMatchObject({
      trigger: 'level',
      names: ['ahci[0000:01:00.0]', 'eth1'],
    });
    // A chip name with spaces runs up to its hardware number.
    expect(rowOf(text, 52)).toMatchObject({
      chip: 'BRCM STB PCIe MSI',
      kind: 'msi',
      trigger: 'edge',
      names: ['xhci_hcd'],
    });
    expect(rowOf(text, 60)).toMatchObject({ trigger: 'edge', names: ['gpio-keys'] });
    expect(r.table.rows.map((x) => x.irq)).toEqual([11, 41, 47, 52, 60]);
  });

  it('reads 16 CPU columns of an older kernel (IO-APIC-fasteoi, PCI-MSI-edge)', () => {
    const text = fixture('server-proc-interrupts-16cpu.txt');
    const r = parseProcInterrupts(text);
    expect(r.notUnderstood).toEqual([]);
    expect(r.table.cpus).toBe(16);
    expect(rowOf(text, 18)).toMatchObject({
      kind: 'ioapic',
      trigger: 'level',
      names: ['uhci_hcd:usb4', 'ehci_hcd:usb2', 'ioc0'],
    });
    expect(rowOf(text, 0)).toMatchObject({ kind: 'ioapic', trigger: 'edge', names: ['timer'] });
    expect(rowOf(text, 65)).toMatchObject({ kind: 'msi', names: ['eth0-rx-0'] });
  });

  it('a mail-wrapped, quoted copy reads exactly like the original, with original line numbers', () => {
    const plain = parseProcInterrupts(fixture('server-proc-interrupts-16cpu.txt'));
    const wrapped = parseProcInterrupts(fixture('server-proc-interrupts-16cpu-mail-wrapped.txt'));
    expect(wrapped.notUnderstood).toEqual([]);
    expect(wrapped.table.cpus).toBe(16);
    const strip = (rows: typeof plain.table.rows) => rows.map(({ line: _line, ...rest }) => rest);
    expect(strip(wrapped.table.rows)).toEqual(strip(plain.table.rows));
    // Each wrapped row is three physical lines after the three of the header.
    expect(wrapped.table.rows[0]!.line).toBe(4);
    expect(wrapped.table.rows[1]!.line).toBe(7);
  });

  it('reads old XT-PIC tables with one CPU and tabs for spaces', () => {
    const text = fixture('legacy-proc-interrupts-1cpu.txt').replace(/ {4}/g, '\t');
    const r = parseProcInterrupts(text);
    expect(r.notUnderstood).toEqual([]);
    expect(r.table.cpus).toBe(1);
    expect(r.table.rows.find((x) => x.irq === 5)).toMatchObject({
      kind: 'pic',
      trigger: null,
      names: ['uhci_hcd:usb1', 'uhci_hcd:usb2', 'EMU10K1'],
    });
  });

  it('reports cut-short rows, duplicates and stray text with their line numbers, and keeps the rest', () => {
    const r = parseProcInterrupts(fixture('truncated-proc-interrupts-4cpu.txt'));
    expect(r.notUnderstood.map((n) => [n.line, n.problem])).toEqual([
      // The remark under the cut row is no wrapped part of it (the row is far too
      // short to have been wrapped): it is a line of its own, not understood.
      [7, expect.stringMatching(/cut short: 2 of 4 CPU counts and no controller/)],
      [8, expect.stringMatching(/not a row of \/proc\/interrupts/)],
      [19, expect.stringMatching(/IRQ 16 appears twice \(first on line 6\)/)],
      [20, expect.stringMatching(/cut short: 2 of 4 CPU counts/)],
    ]);
    // The shell prompt on line 1 is understood and skipped.
    expect(r.table.rows.map((x) => x.irq)).toEqual([0, 8, 9, 16, 23, 24, 25, 26, 27, 28, 29, 30]);
    expect(r.table.rows.find((x) => x.irq === 25)!.names).toEqual(['ahci[0000:00:1f.2]']);
  });

  it("keeps a VMD's five-digit domain and each row's hardware number", () => {
    const r = parseProcInterrupts(
      [
        '            CPU0       CPU1',
        ' 160:         0         42  PCI-MSIX-10000:e1:00.0    0-edge      nvme1q0',
        '  43:       120         31  GICv3 168 Level     ehci_hcd:usb1, ohci_hcd:usb2',
        '',
      ].join('\n'),
    );
    expect(r.notUnderstood).toEqual([]);
    // Not "e1:00.0", which lspci's 0000:e1:00.0 (another function) would match.
    expect(r.table.rows[0]).toMatchObject({ kind: 'msi', address: '10000:e1:00.0', hwirq: 0 });
    expect(r.table.rows[1]).toMatchObject({ kind: 'other', trigger: 'level', hwirq: 168 });
    expect(addressInName('vmd[10000:e1:00.0]')).toBe('10000:e1:00.0');
  });

  it('two snapshots pasted together: the first is read, the second named once', () => {
    const table =
      '            CPU0       CPU1\n  16:   5   2   IO-APIC 16-fasteoi   ehci_hcd:usb1\n  17:   4   1   IO-APIC 17-fasteoi   snd_hda_intel\n';
    const r = parseProcInterrupts(table + table);
    expect(r.table.rows.map((x) => x.irq)).toEqual([16, 17]);
    expect(r.notUnderstood).toEqual([
      expect.objectContaining({ line: 4, problem: expect.stringMatching(/second CPU header/) }),
    ]);
  });

  it('without the CPU header nothing is guessed', () => {
    const r = parseProcInterrupts(' 16:  1  2  IO-APIC 16-fasteoi ehci_hcd:usb1, i801_smbus\n');
    expect(r.hasHeader).toBe(false);
    expect(r.table.rows).toEqual([]);
    expect(r.notUnderstood[0]).toMatchObject({
      line: 1,
      problem: expect.stringMatching(/before the "CPU0/),
    });
  });

  it('a line that is no row at all is reported', () => {
    const r = parseProcInterrupts('   CPU0\nhello there\n  9:  1  IO-APIC 9-fasteoi acpi\n');
    expect(r.notUnderstood).toMatchObject([{ line: 2, text: 'hello there' }]);
    expect(r.table.rows).toHaveLength(1);
  });
});
