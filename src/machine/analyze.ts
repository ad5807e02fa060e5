/**
 * Puts the two dumps together into one list of devices and the lines they
 * share. lspci knows addresses, pins, IRQ routing and DisINTx; /proc/interrupts
 * knows which handlers really sit on each IRQ and which use MSI. Either alone
 * gives what it can; together, lspci devices are matched to handler names by
 * driver (see `match-names.ts`), and /proc/interrupts has the last word on
 * who uses a line.
 */
import { parseLspci } from './lspci';
import { addressInName, msiGroupKey, nameMatchesDevice, sameAddress } from './match-names';
import { parseProcInterrupts } from './proc-interrupts';
import type {
  DumpKind,
  LspciDevice,
  MachineDevice,
  MachineInventory,
  NotUnderstood,
  ProcIrqRow,
  SharedLine,
} from './types';

export interface MachineDumps {
  /** Output of `lspci -vvv` (or `-v`); empty or missing when not given. */
  lspci?: string;
  /** Output of `cat /proc/interrupts`; empty or missing when not given. */
  procInterrupts?: string;
}

/** Intel NICs whose Interrupt Status Linux VFIO does not trust (DOMAIN.md). */
const UNRELIABLE_STATUS = /\b(XL710|X710|XXV710|X550)\b/i;

export function analyzeMachine(dumps: MachineDumps): MachineInventory {
  const sources: DumpKind[] = [];
  const notUnderstood: NotUnderstood[] = [];
  const remarks: string[] = [];
  let lspci: LspciDevice[] | null = null;
  let driversShown = true;
  let rows: ProcIrqRow[] | null = null;
  let cpus: number | null = null;

  if (dumps.lspci !== undefined && dumps.lspci.trim() !== '') {
    const r = parseLspci(dumps.lspci);
    sources.push('lspci');
    lspci = r.devices;
    // Text with no entry at all is another kind of text: one remark, not a line per line.
    if (r.devices.length > 0 || r.tooLarge) notUnderstood.push(...r.notUnderstood);
    driversShown = r.driversShown;
    if (r.devices.length > 0 && !r.verbose) {
      remarks.push(
        'This lspci lists devices without their details (no -v): it shows no pins or IRQs. Run "sudo lspci -vvv".',
      );
    } else if (r.devices.length > 0 && !r.driversShown) {
      remarks.push(
        'This lspci names no drivers (an old lspci, or run without -k): devices with a routed pin are assumed to use it.',
      );
    }
    if (r.tooLarge) {
      // Said once, in notUnderstood; guessing what the text is would read it after all.
    } else if (r.devices.length === 0) {
      remarks.push(
        // [ \t]* and not \s*: under the m flag \s* runs across blank lines, quadratic on many.
        /^[ \t]*CPU0\b/m.test(dumps.lspci)
          ? 'The lspci text looks like /proc/interrupts (it has a "CPU0" header): give it as /proc/interrupts instead.'
          : /^(?:[0-9a-f]{4,8}:)?[0-9a-f]{2}:[0-9a-f]{2}\.[0-7] "/im.test(dumps.lspci)
            ? 'The lspci text is machine-readable output (lspci -m or -mm, quoted fields): it shows no pins or IRQs. Run "sudo lspci -vvv".'
            : 'The lspci text has no device entry (an entry starts like "00:1f.3 Audio device: ..."); is it the output of lspci -vvv?',
      );
    } else if (r.devices.some((d) => d.capabilitiesHidden)) {
      remarks.push(
        'lspci was run without root: capabilities are hidden, so MSI use cannot be seen in it. Run "sudo lspci -vvv", or add /proc/interrupts.',
      );
    }
  }
  if (dumps.procInterrupts !== undefined && dumps.procInterrupts.trim() !== '') {
    const r = parseProcInterrupts(dumps.procInterrupts);
    sources.push('proc-interrupts');
    if (r.tooLarge) {
      notUnderstood.push(...r.notUnderstood);
    } else if (r.hasHeader) {
      notUnderstood.push(...r.notUnderstood);
      rows = r.table.rows;
      cpus = r.table.cpus;
    } else {
      remarks.push(
        /^(0000:)?[0-9a-f]{2}:[0-9a-f]{2}\.[0-7] /im.test(dumps.procInterrupts)
          ? 'The /proc/interrupts text looks like lspci output (it has entries such as "00:1f.3 ..."): give it as lspci instead.'
          : 'The /proc/interrupts text has no "CPU0 CPU1 ..." header line, so its rows cannot be read; paste the whole output.',
      );
    }
  }

  if (rows !== null && rows.length > 0 && !rows.some(isWiredLine)) {
    const chips = [...new Set(rows.map((r) => r.chip))].slice(0, 4).join(', ');
    remarks.push(
      `No wired, shareable line in /proc/interrupts (controllers: ${chips}): only IO-APIC and XT-PIC lines and other controllers' Level lines are read, not MSI or per-CPU ones.`,
    );
  }
  const devices =
    lspci !== null ? fromLspci(lspci, rows, driversShown) : rows !== null ? fromProc(rows) : [];
  const shared = sharedLines(devices, rows);
  if (lspci !== null && rows === null && shared.length > 0) {
    remarks.push(
      'From lspci alone, devices routed to the same IRQ are assumed to share it; /proc/interrupts would confirm which handlers really sit on each line.',
    );
  }
  return { sources, cpus, devices, shared, notUnderstood, remarks };
}

/**
 * A line devices can share: an IO-APIC or XT-PIC pin, or a level-triggered line of
 * another controller that is not an MSI domain, such as an arm64 GIC's shared peripheral
 * interrupt (`GICv3 168 Level ehci_hcd:usb1, ohci_hcd:usb2`: `show_interrupts()` prints
 * Level from `irqd_is_level_type()`). A GIC's numbers below 32 are per-CPU (SGIs and PPIs:
 * `GICv3 27 Level arch_timer`), never a pin that devices share.
 */
export function isWiredLine(row: ProcIrqRow): boolean {
  if (row.kind === 'ioapic' || row.kind === 'pic') return true;
  if (row.kind !== 'other' || row.trigger !== 'level') return false;
  return !(/^GIC/i.test(row.chip) && row.hwirq !== null && isGicPerCpu(row.hwirq));
}

/** GIC SGIs and PPIs (0-31) and GICv3.1's extended PPIs (1056-1119) are per CPU. */
function isGicPerCpu(hwirq: number): boolean {
  return hwirq < 32 || (hwirq >= 1056 && hwirq < 1120);
}

/**
 * Handlers that platform code registers on a wired line beside PCI functions (the ACPI SCI
 * on IRQ 9, the keyboard controller, the RTC, ACPI's generic event device, a pin
 * controller, a device named by its ACPI id such as `INT34C5:00`): never a PCI function's
 * own. Serial and parallel ports are not among them: an intel-lpss UART's child registers
 * `ttyS4`, a PCI parallel card `parport0`.
 */
const PLATFORM_HANDLER =
  /^(acpi|i8042|rtc\d*|rtc_cmos|timer|cascade|floppy|ACPI:\S+|pinctrl\S*|(?:[A-Z]{3}|[A-Z0-9]{4})[0-9A-F]{4}:\d\d)$/i;

function pci23Note(d: LspciDevice): string {
  switch (d.pci23) {
    case 'yes':
      return 'PCI 2.3: DisINTx on the Control line, so the host can read its Interrupt Status and mask it alone.';
    case 'legacy':
      return 'No DisINTx on the Control line: a pre-2.3 device, or an lspci too old to show it. Simulated as legacy (cannot be ruled out or masked alone).';
    case 'unknown':
      return d.controlCutOff
        ? 'The Control line is cut off: PCI 2.3 support unknown, simulated as legacy.'
        : 'No Control line: PCI 2.3 support unknown, simulated as legacy.';
  }
}

function fromLspci(
  list: readonly LspciDevice[],
  rows: readonly ProcIrqRow[] | null,
  driversShown: boolean,
): MachineDevice[] {
  const byIrq = new Map((rows ?? []).map((r) => [r.irq, r]));
  const devices: MachineDevice[] = list.map((d) => {
    const device: MachineDevice = {
      id: `${d.driver ?? d.kind.toLowerCase().replace(/\s+/g, '-')}@${d.address}`,
      address: d.address,
      driver: d.driver,
      names: [],
      description: `${d.kind}: ${d.description}`,
      pin: d.pin,
      irq: d.irq,
      mode: 'intx',
      pci23: d.pci23,
      statusUnreliable: UNRELIABLE_STATUS.test(d.description),
      notes: [],
    };
    if (d.msix || d.msi) {
      device.mode = d.msix ? 'msix' : 'msi';
      device.notes.push(
        `${d.msix ? 'MSI-X' : 'MSI'}: Enable+ in lspci: its interrupts are messages, not a shared pin.`,
      );
    } else if (d.irq === null || d.irq === 0 || d.irq === 255) {
      device.mode = 'none';
      device.notes.push(
        d.pin === null && d.irq === null ? 'No INTx pin.' : 'Its pin is not routed to an IRQ.',
      );
    } else if (d.driver === null && driversShown) {
      device.mode = 'none';
      device.notes.push(
        `No driver bound: nothing handles IRQ ${d.irq} for it, so it shares nothing now.`,
      );
    } else {
      device.notes.push(`Pin ${d.pin ?? '?'} routed to IRQ ${d.irq}.`);
    }
    if (device.mode === 'intx' || device.mode === 'none') device.notes.push(pci23Note(d));
    if (device.statusUnreliable) {
      device.notes.push(
        "Linux VFIO does not trust this NIC's Interrupt Status bit: simulated as unreliable.",
      );
    }
    return device;
  });
  if (rows === null) return uniqueIds(devices);

  // Asked by the merge below and by the devices left after it: found once per device.
  const msiRows = new Map<MachineDevice, ProcIrqRow | undefined>();
  const msiRowOf = (d: MachineDevice): ProcIrqRow | undefined => {
    if (!msiRows.has(d)) {
      msiRows.set(
        d,
        rows.find(
          (r) =>
            r.kind === 'msi' &&
            ((r.address !== null && d.address !== null && sameAddress(r.address, d.address)) ||
              r.names.some((n) => nameMatchesDevice(n, d.driver, d.address))),
        ),
      );
    }
    return msiRows.get(d);
  };
  const taken = new Set<MachineDevice>();
  const nameOnly: MachineDevice[] = [];
  // Candidates by IRQ: a handler only ever matches a device routed to its own IRQ.
  const onIrq = new Map<number, MachineDevice[]>();
  for (const d of devices) {
    if (d.mode !== 'intx' || d.irq === null) continue;
    const list = onIrq.get(d.irq);
    if (list) list.push(d);
    else onIrq.set(d.irq, [d]);
  }
  for (const row of rows) {
    if (!isWiredLine(row)) continue;
    const candidates = onIrq.get(row.irq) ?? [];
    const unmatched: string[] = [];
    for (const name of row.names) {
      const owner = candidates.find(
        (d) => !taken.has(d) && nameMatchesDevice(name, d.driver, d.address),
      );
      if (owner) {
        owner.names.push(name);
        taken.add(owner);
      } else unmatched.push(name);
    }
    // One PCI function may register several handlers on its line: a multi-function driver's
    // children (intel-lpss gives `idma64.1, i2c_designware.1`), a PCIe port's services
    // (`PCIe PME, pciehp`). When one lspci entry routed here is left unmatched, the names
    // no rule matched are that function's: one device, not one per name.
    // A function whose handler /proc/interrupts shows on an MSI vector has left the pin.
    const left = candidates.filter((d) => !taken.has(d) && msiRowOf(d) === undefined);
    const single = left.length === 1 && left[0]!.driver !== null ? left[0]! : null;
    const own: string[] = [];
    for (const name of unmatched) {
      if (single !== null && !PLATFORM_HANDLER.test(name)) {
        single.names.push(name);
        own.push(name);
        continue;
      }
      nameOnly.push(
        procOnlyDevice(
          name,
          row,
          'no lspci entry routed to this IRQ matches it by driver or address',
        ),
      );
    }
    if (single !== null && own.length > 0) {
      taken.add(single);
      single.notes.push(
        `Handler${own.length > 1 ? 's' : ''} ${own.map((n) => `"${n}"`).join(', ')} on IRQ ${row.irq} in /proc/interrupts: no name rule matches driver ${single.driver}, and it is the one lspci entry routed there left unmatched, so ${own.length > 1 ? 'they are' : 'it is'} its own.`,
      );
    }
  }
  inheritPci23(nameOnly, devices, taken);
  for (const d of devices) {
    if (d.mode !== 'intx' || taken.has(d)) continue;
    const row = byIrq.get(d.irq!);
    const msiRow = msiRowOf(d);
    if (msiRow) {
      d.mode = 'msi';
      d.names = msiRow.names;
      d.notes.push(
        `/proc/interrupts shows its handler on MSI IRQ ${msiRow.irq} (${msiRow.chip}), not on a pin.`,
      );
    } else if (row === undefined) {
      d.notes.push(
        `IRQ ${d.irq} is not in /proc/interrupts (dumps from different boots or machines?): kept as lspci says.`,
      );
    } else if (row.kind === 'msi') {
      d.mode = 'msi';
      d.notes.push(`IRQ ${d.irq} is an MSI vector in /proc/interrupts (${row.chip}).`);
    } else if (d.driver === null) {
      d.mode = 'none';
      d.notes.push(
        `lspci names no driver, so it cannot be matched to a handler of IRQ ${d.irq}; the handlers there are listed by name.`,
      );
    } else {
      d.mode = 'none';
      d.notes.push(
        `No handler of driver ${d.driver} on IRQ ${d.irq} in /proc/interrupts: it does not use the line now.`,
      );
    }
  }
  return uniqueIds([...devices, ...nameOnly]);
}

/**
 * A handler lspci could not be matched to (no driver names in old lspci) is one
 * of the unmatched entries routed to its IRQ; when those all agree on DisINTx,
 * so does it.
 */
function inheritPci23(
  nameOnly: MachineDevice[],
  devices: readonly MachineDevice[],
  taken: ReadonlySet<MachineDevice>,
): void {
  for (const n of nameOnly) {
    const candidates = devices.filter(
      (d) => d.mode === 'intx' && d.irq === n.irq && !taken.has(d) && d.address !== null,
    );
    const support = new Set(candidates.map((d) => d.pci23));
    const only = [...support][0];
    if (candidates.length === 0 || support.size !== 1 || only === 'unknown') continue;
    n.pci23 = only!;
    n.notes[1] =
      only === 'yes'
        ? `Every unmatched lspci entry routed to IRQ ${n.irq} (${candidates.map((d) => d.address).join(', ')}) shows DisINTx: PCI 2.3.`
        : `No unmatched lspci entry routed to IRQ ${n.irq} (${candidates.map((d) => d.address).join(', ')}) shows DisINTx: simulated as legacy.`;
  }
}

function procOnlyDevice(name: string, row: ProcIrqRow, why: string): MachineDevice {
  return {
    id: name,
    address: addressInName(name),
    driver: null,
    names: [name],
    description: null,
    pin: null,
    irq: row.irq,
    mode: 'intx',
    pci23: 'unknown',
    statusUnreliable: false,
    notes: [
      `Handler "${name}" on IRQ ${row.irq} (${row.chip}) in /proc/interrupts; ${why}.`,
      'PCI 2.3 support unknown without its lspci entry: simulated as legacy.',
    ],
  };
}

function fromProc(rows: readonly ProcIrqRow[]): MachineDevice[] {
  const devices: MachineDevice[] = [];
  const msi = new Map<string, MachineDevice>();
  for (const row of rows) {
    if (isWiredLine(row)) {
      for (const name of row.names) devices.push(procOnlyDevice(name, row, 'no lspci given'));
    } else if (row.kind === 'msi') {
      for (const name of row.names) {
        const key = row.address ?? msiGroupKey(name);
        const known = msi.get(key);
        if (known) {
          known.names.push(name);
          continue;
        }
        const device: MachineDevice = {
          id: key,
          address: row.address ?? addressInName(name),
          driver: null,
          names: [name],
          description: null,
          pin: null,
          irq: row.irq,
          mode: /MSIX|MSI-X/i.test(row.chip) ? 'msix' : 'msi',
          pci23: 'unknown',
          statusUnreliable: false,
          notes: [`Handler on ${row.chip} IRQ ${row.irq}: message-signalled, not a shared pin.`],
        };
        msi.set(key, device);
        devices.push(device);
      }
    }
  }
  return uniqueIds(devices);
}

/** Two handlers may carry the same name (two cards of one driver): ids must still differ. */
function uniqueIds(devices: MachineDevice[]): MachineDevice[] {
  const seen = new Map<string, number>();
  for (const d of devices) {
    const n = (seen.get(d.id) ?? 0) + 1;
    seen.set(d.id, n);
    if (n > 1) d.id = `${d.id}#${n}`;
  }
  return devices;
}

function sharedLines(
  devices: readonly MachineDevice[],
  rows: readonly ProcIrqRow[] | null,
): SharedLine[] {
  const byIrq = new Map<number, MachineDevice[]>();
  for (const d of devices) {
    if (d.mode !== 'intx' || d.irq === null) continue;
    const list = byIrq.get(d.irq);
    if (list) list.push(d);
    else byIrq.set(d.irq, [d]);
  }
  const rowOf = new Map((rows ?? []).map((r) => [r.irq, r]));
  return [...byIrq.entries()]
    .filter(([, list]) => list.length > 1)
    .sort(([a], [b]) => a - b)
    .map(([irq, list]) => {
      const row = rowOf.get(irq);
      return {
        irq,
        id: `IRQ${irq}`,
        chip: row?.chip ?? null,
        // PCI INTx is level-triggered; only /proc/interrupts can say a line is edge.
        trigger: row?.trigger ?? 'level',
        count: row?.count ?? null,
        deviceIds: list.map((d) => d.id),
      };
    });
}
