/**
 * Reads `lspci -vvv` (and the shorter `-v`). Each device is a block that starts
 * at column 0 with its address (`00:1f.3 Audio device: ...`, optionally with a
 * domain `0000:`); its fields are indented (tab or spaces) below it. Only the
 * fields that say how the device interrupts are kept; the rest is known and
 * skipped. What is neither is reported with its line number.
 */
import { MACHINE_LIMITS } from './limits';
import {
  excerpt,
  isPromptLine,
  physicalLines,
  tooLargeProblem,
  unwrap,
  type LogicalLine,
  type WrapRule,
} from './text-lines';
import type { LspciDevice, NotUnderstood, Pci23Support } from './types';

const HEADER = /^(?:([0-9a-f]{4,8}):)?([0-9a-f]{2}):([0-9a-f]{2})\.([0-7])\s+(.+)$/i;
/** `Key:` at the start of a line. */
const FIELD_KEY = /^\s*([A-Za-z][\w ./()-]{0,40}):(\s|$)/;
/**
 * lspci.c prints the pin as `'A' + int_pin - 1`, or `?` when Interrupt Pin is 0 but the
 * kernel gave the function an IRQ (dev->irq, often its MSI's): no INTx pin then.
 */
const INTERRUPT = /^Interrupt:\s+pin\s+([A-D?])\s+routed\s+to\s+IRQ\s+(\d+)\b/i;
const FLAGS_IRQ = /\bIRQ\s+(\d+)\b/;
const CAPABILITY = /^Capabilities:\s*(?:\[[0-9a-f]+\]\s*)?(.*)$/i;
/** A complete Control line ends with the last bit lspci prints: FastB2B (old) or DisINTx. */
const CONTROL_END = /\b(FastB2B|DisINTx)[+-]$/;

/** lspci lines are long prose, cut by mailers at 60 to 80 columns; words are one space apart. */
const WRAP: WrapRule = { minWidth: 50, lostSpaces: 1 };

export interface LspciResult {
  devices: LspciDevice[];
  notUnderstood: NotUnderstood[];
  /** Non-empty lines that were read, to tell an empty paste from a useless one. */
  lineCount: number;
  /** Whether any entry names its driver (old lspci and lspci without -k never do). */
  driversShown: boolean;
  /** Whether entries have fields at all (plain `lspci` prints one line per device). */
  verbose: boolean;
  /** The text was over MACHINE_LIMITS.textChars and was not read. */
  tooLarge: boolean;
}

export function parseLspci(text: string): LspciResult {
  if (text.length > MACHINE_LIMITS.textChars) {
    return {
      devices: [],
      notUnderstood: [
        {
          dump: 'lspci',
          line: 1,
          text: excerpt(text.slice(0, 200)),
          problem: tooLargeProblem(text.length, MACHINE_LIMITS.textChars),
        },
      ],
      lineCount: 0,
      driversShown: false,
      verbose: false,
      tooLarge: true,
    };
  }
  const physical = physicalLines(text);
  // The newline that ends the text is not a blank line: a dump cut inside an entry ends with one.
  if (physical[physical.length - 1] === '') physical.pop();
  const logical = unwrap(physical, startsLine, WRAP);
  const devices: LspciDevice[] = [];
  const notUnderstood: NotUnderstood[] = [];
  const report = (l: LogicalLine, problem: string) =>
    notUnderstood.push({ dump: 'lspci', line: l.line, text: excerpt(l.text), problem });
  let current: LspciDevice | null = null;
  // The indentation of an entry's first field: deeper lines are capability details.
  let fieldIndent: number | null = null;
  let lineCount = 0;
  let lastEntryComplete = true;
  let fields = 0;
  for (const l of logical) {
    if (l.text.trim() === '') {
      // lspci separates entries with one empty line; what follows belongs to no entry.
      lastEntryComplete = true;
      current = null;
      continue;
    }
    lineCount += 1;
    if (l.text.length > MACHINE_LIMITS.lineChars) {
      report(l, `a line of ${l.text.length} characters: longer than any lspci prints`);
      continue;
    }
    const header = /^\S/.test(l.text) ? HEADER.exec(l.text) : null;
    if (header) {
      current = newDevice(header, l);
      fieldIndent = null;
      lastEntryComplete = false;
      if (current) devices.push(current);
      else report(l, 'a device line without "class: description" after the address');
      continue;
    }
    if (isPromptLine(l.text)) continue;
    if (current === null) {
      report(l, 'not inside a device entry (entries start with an address such as "00:1f.3 ...")');
      continue;
    }
    fields += 1;
    fieldIndent ??= indentOf(l.text);
    // A stray line after the driver lines does not reopen a finished entry.
    if (readField(current, l, fieldIndent, report))
      lastEntryComplete = /^\s*Kernel (driver in use|modules):/i.test(l.text);
  }
  const last = devices[devices.length - 1];
  if (last !== undefined && !lastEntryComplete && fields > 0) {
    // lspci ends every entry with the driver lines or an empty line; a dump that
    // stops inside its last entry was cut short, so that entry may lack its pin.
    notUnderstood.push({
      dump: 'lspci',
      line: last.line,
      text: `${last.address} ${excerpt(last.description, 60)}`,
      problem:
        'the dump ends inside this entry (cut short?): what follows its last line is unknown',
    });
  }
  return {
    devices,
    notUnderstood,
    lineCount,
    driversShown: devices.some((d) => d.driver !== null),
    verbose: fields > 0,
    tooLarge: false,
  };
}

/**
 * Whether a physical line starts a logical one. An unindented line is a wrapped
 * continuation unless it is an entry or a field lspci prints: a wrap can put
 * "Cache Line Size: 64 bytes" at the start of a line, but it is no field of its own.
 */
function startsLine(text: string): boolean {
  return /^\s/.test(text) || HEADER.test(text) || isKnownField(text) || isPromptLine(text);
}

/** Fields read for interrupts, beside the known ones that are skipped. */
const READ_FIELDS = new Set([
  'interrupt',
  'control',
  'kernel driver in use',
  'capabilities',
  'flags',
]);

/**
 * Lines lspci.c prints with no "Key:" of their own: a resource with -v (`show_bases` writes
 * "Region N: " only from -vv on), the ROM (`show_rom`), possibly "[virtual]"; a CardBus
 * bridge's legacy ports; a BIST in progress; a header that does not fit the class.
 */
const KEYLESS_LINE =
  /^\s*(?:(?:\[virtual\]\s*)?(?:Expansion ROM|Memory at|I\/O ports at)\b|16-bit legacy interface ports at\b|BIST is running\b|!!! )/i;

function isKnownField(text: string): boolean {
  if (KEYLESS_LINE.test(text)) return true;
  const key = FIELD_KEY.exec(text)?.[1]?.toLowerCase();
  return (
    key !== undefined &&
    (READ_FIELDS.has(key) ||
      KNOWN_FIELDS.has(key) ||
      // "Region 0", and a CardBus bridge's "Memory window 0" and "I/O window 1".
      /^(region|memory window|i\/o window) \d+$/.test(key))
  );
}

function newDevice(m: RegExpExecArray, l: LogicalLine): LspciDevice | null {
  const [, domain, bus, slot, fn, rest] = m;
  const colon = rest!.indexOf(': ');
  if (colon < 0) return null;
  const address = `${domain && !/^0+$/.test(domain) ? `${domain.toLowerCase()}:` : ''}${bus!.toLowerCase()}:${slot!.toLowerCase()}.${fn}`;
  return {
    address,
    line: l.line,
    kind: rest!
      .slice(0, colon)
      .replace(/\s*\[[0-9a-f]{4}\]$/i, '')
      .trim(),
    description: rest!.slice(colon + 2).trim(),
    driver: null,
    pin: null,
    irq: null,
    pci23: 'unknown',
    controlCutOff: false,
    msi: false,
    msix: false,
    capabilitiesHidden: false,
  };
}

/** Fields whose values do not change how the device interrupts. */
const KNOWN_FIELDS = new Set([
  'subsystem',
  'physical slot',
  'status',
  'latency',
  'bist result',
  'region',
  'expansion rom',
  'kernel modules',
  'bus',
  'i/o behind bridge',
  'memory behind bridge',
  'prefetchable memory behind bridge',
  'secondary status',
  'bridgectl',
  'iommu group',
  'numa node',
  'device name',
  'devicename',
  'product name',
  'read-only fields',
  'end',
  // Device-tree systems (arm64): the function's node under /sys/firmware/devicetree.
  'device tree node',
]);

function readField(
  d: LspciDevice,
  l: LogicalLine,
  fieldIndent: number | null,
  report: (l: LogicalLine, problem: string) => void,
): boolean {
  // Returns whether the line was understood.
  const t = l.text.trim();
  const interrupt = INTERRUPT.exec(t);
  if (interrupt) {
    if (interrupt[1] === '?') {
      // No pin: the IRQ is not a line this function can assert, so it shares none.
      d.pin = null;
      d.irq = null;
      return true;
    }
    d.pin = interrupt[1]!.toUpperCase() as LspciDevice['pin'];
    d.irq = Number(interrupt[2]);
    return true;
  }
  if (/^Interrupt:/i.test(t)) {
    report(l, 'an "Interrupt:" line without "pin X routed to IRQ N" (cut short?)');
    return false;
  }
  // Deeper than the entry's fields, "Control:" is a capability's detail, not the Command
  // register: ls-caps.c prints a slot's "Control: AttnInd Unknown, PwrInd ..." under SltCtl.
  const detail = fieldIndent !== null && indentOf(l.text) > fieldIndent;
  if (/^Control:/i.test(t) && !detail) {
    d.pci23 = controlSupport(t);
    d.controlCutOff = !CONTROL_END.test(t);
    if (d.controlCutOff && d.pci23 !== 'yes') {
      d.pci23 = 'unknown';
      report(l, 'the Control line is cut off before DisINTx: PCI 2.3 support unknown');
      return false;
    }
    return true;
  }
  if (/^Kernel driver in use:/i.test(t)) {
    d.driver = t.replace(/^Kernel driver in use:\s*/i, '').trim() || null;
    return true;
  }
  if (/^Flags:/i.test(t)) {
    // lspci -v: "Flags: bus master, fast devsel, latency 0, IRQ 16". The MSI vector's
    // number can appear here too, so an INTx pin is only assumed with -vvv's line.
    const irq = FLAGS_IRQ.exec(t);
    if (irq && d.irq === null) d.irq = Number(irq[1]);
    return true;
  }
  const cap = CAPABILITY.exec(t);
  if (cap) {
    const what = cap[1]!;
    if (/access denied|only to root/i.test(what)) d.capabilitiesHidden = true;
    else if (/^MSI-X:\s*Enable\+/i.test(what)) d.msix = true;
    else if (/^MSI:\s*Enable\+/i.test(what)) d.msi = true;
    return true;
  }
  // Indented deeper than the entry's fields: detail of a capability (Address:, DevCap:...).
  if (detail) return true;
  if (isKnownField(t)) return true;
  report(l, 'an unknown line in a device entry');
  return false;
}

/** Leading white space in columns, a tab counting as 8 (how terminals show lspci). */
function indentOf(text: string): number {
  let n = 0;
  for (const c of text) {
    if (c === ' ') n += 1;
    else if (c === '\t') n += 8 - (n % 8);
    else break;
  }
  return n;
}

function controlSupport(control: string): Pci23Support {
  return /\bDisINTx[+-]/.test(control) ? 'yes' : 'legacy';
}
