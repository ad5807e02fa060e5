/**
 * What the two dump readers find and what the builder makes of it. Plain data
 * only, so the command line, the page and the tests share one picture.
 */

/** Which dump a remark is about. */
export type DumpKind = 'lspci' | 'proc-interrupts';

/** A line the reader could not use, reported instead of guessed at (1-based line number). */
export interface NotUnderstood {
  dump: DumpKind;
  line: number;
  text: string;
  problem: string;
}

/** A PCI address without the usual domain 0000: `00:1f.3`, or `0001:00:02.0`. */
export type PciAddress = string;

/**
 * PCI 2.3 per-device INTx masking, read from the Control line of lspci -vvv:
 * `yes` when DisINTx+ or DisINTx- is printed (the bit exists), `legacy` when a
 * complete Control line has no DisINTx (a pre-2.3 device or an lspci too old to
 * print it: the two cannot be told apart), `unknown` when there is no such line.
 */
export type Pci23Support = 'yes' | 'legacy' | 'unknown';

/** How a device's interrupts reach the CPU. */
export type InterruptMode = 'intx' | 'msi' | 'msix' | 'none';

/** One device from `lspci -vvv` (or `-v`). */
export interface LspciDevice {
  address: PciAddress;
  /** First line of the entry: 1-based line number in the dump. */
  line: number;
  /** `Audio device`, `USB controller`... */
  kind: string;
  description: string;
  driver: string | null;
  /** INTA..INTD pin letter, from "Interrupt: pin A routed to IRQ 16". */
  pin: 'A' | 'B' | 'C' | 'D' | null;
  irq: number | null;
  pci23: Pci23Support;
  /** Whether the Control line was cut off (so `pci23` could not be read). */
  controlCutOff: boolean;
  msi: boolean;
  msix: boolean;
  /** Capabilities were hidden ("<access denied>": lspci run without root). */
  capabilitiesHidden: boolean;
}

/** How the interrupt controller behind a /proc/interrupts row is wired. */
export type ChipKind = 'ioapic' | 'pic' | 'msi' | 'other';

/** One numbered row of /proc/interrupts. */
export interface ProcIrqRow {
  irq: number;
  line: number;
  /** Interrupts taken so far, summed over the CPU columns. */
  count: number;
  /** The controller as printed (`IO-APIC`, `IR-PCI-MSI`, `xen-pirq`...). */
  chip: string;
  kind: ChipKind;
  trigger: 'level' | 'edge' | null;
  /** Handler names, as the drivers registered them (`ehci_hcd:usb1`). */
  names: string[];
  /** Address carried by a per-device MSI domain name (`PCI-MSIX-0000:01:00.0`). */
  address: PciAddress | null;
  /** The hardware number in the controller (`GICv3  168 Level`: 168), when printed. */
  hwirq: number | null;
}

export interface ProcInterrupts {
  cpus: number;
  rows: ProcIrqRow[];
}

/** A device as the builder sees it, from either dump or both. */
export interface MachineDevice {
  /** Stable id used in the scenario (`snd_hda_intel@00:1f.3`, or the handler name). */
  id: string;
  address: PciAddress | null;
  driver: string | null;
  /** Handler name(s) seen in /proc/interrupts. */
  names: string[];
  description: string | null;
  pin: 'A' | 'B' | 'C' | 'D' | null;
  irq: number | null;
  mode: InterruptMode;
  pci23: Pci23Support;
  /** Intel NICs whose Interrupt Status Linux VFIO does not trust. */
  statusUnreliable: boolean;
  /** Why this device is where it is, in words. */
  notes: string[];
}

/** One interrupt line (IRQ number) that more than one device uses. */
export interface SharedLine {
  irq: number;
  /** Scenario line id (`IRQ16`). */
  id: string;
  chip: string | null;
  trigger: 'level' | 'edge';
  /** Interrupts taken so far, when /proc/interrupts was given. */
  count: number | null;
  deviceIds: string[];
}

/** Everything found in the dumps, before any choice of owners. */
export interface MachineInventory {
  sources: DumpKind[];
  cpus: number | null;
  devices: MachineDevice[];
  shared: SharedLine[];
  notUnderstood: NotUnderstood[];
  /** Facts about the whole input worth telling (e.g. "capabilities hidden: run lspci as root"). */
  remarks: string[];
}
