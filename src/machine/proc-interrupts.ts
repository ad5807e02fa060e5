/**
 * Reads `cat /proc/interrupts`: a header of CPU columns, then one row per
 * interrupt, `IRQ: count per CPU, controller, [hwirq] [Level|Edge][-flow], handler names`,
 * as Linux's `show_interrupts()` (kernel/irq/proc.c) prints it: the chip's name, the
 * hardware number when the IRQ has a domain, the trigger word on kernels built
 * with GENERIC_IRQ_SHOW_LEVEL (arm64, RISC-V: `GICv3  27 Level  arch_timer`), then
 * the flow handler's name after a dash, joined to what comes before it
 * (`IR-IO-APIC   16-fasteoi`; older kernels with no hardware number print
 * `IO-APIC-fasteoi`, Xen's dom0 `xen-pirq-ioapic-level`). Named rows (NMI, LOC,
 * arm64's IPI0 and Err...) are per-CPU counters: understood, not devices.
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
import type { ChipKind, NotUnderstood, ProcInterrupts, ProcIrqRow } from './types';

const ROW = /^\s*(\d+|[A-Z][A-Z0-9]{1,5}|Err):(?=\s|$)/;
const HEADER = /^\s*CPU\d+(\s+CPU\d+)*\s*$/;
/** A domain is 4 hex digits, or 5 and more behind Intel's VMD (`PCI-MSIX-10000:e1:00.0`). */
const ADDRESS = /(?<![0-9a-f])([0-9a-f]{4,8}):([0-9a-f]{2}:[0-9a-f]{2}\.[0-7])/i;
/**
 * The columns between the chip and the handler names, in show_interrupts()'s order:
 * the hardware number alone (`27`) or with the flow joined (`16-fasteoi`); the trigger
 * word, alone or with the flow (`Level`, `Edge-fasteoi`); the flow alone (`-ioapic-level`).
 */
const HWIRQ_TOKEN = /^\d+(-[\w-]+)?$/;
const LEVEL_TOKEN = /^(Level|Edge)(-[\w-]+)?$/;
const FLOW_TOKEN = /^-[\w-]+$/;
/** The most words a chip's name is read with (`BRCM STB PCIe MSI`: four). */
const MAX_CHIP_WORDS = 4;

/** Rows of many CPU columns are cut even by narrow windows; columns are padded with blanks. */
const WRAP: WrapRule = { minWidth: 40, lostSpaces: 8 };

export interface ProcResult {
  table: ProcInterrupts;
  notUnderstood: NotUnderstood[];
  /** Whether a CPU header was found (a paste without it cannot be read). */
  hasHeader: boolean;
  /** The text was over MACHINE_LIMITS.textChars and was not read. */
  tooLarge: boolean;
}

export function parseProcInterrupts(text: string): ProcResult {
  if (text.length > MACHINE_LIMITS.textChars) {
    return {
      table: { cpus: 0, rows: [] },
      notUnderstood: [
        {
          dump: 'proc-interrupts',
          line: 1,
          text: excerpt(text.slice(0, 200)),
          problem: tooLargeProblem(text.length, MACHINE_LIMITS.textChars),
        },
      ],
      hasHeader: false,
      tooLarge: true,
    };
  }
  const logical = unwrap(
    physicalLines(text),
    // A wrapped header goes on with "CPU6 ...": only CPU0 starts one, and
    // only more CPU names continue it.
    (t, previous) =>
      ROW.test(t) ||
      /^\s*CPU0\b/.test(t) ||
      isPromptLine(t) ||
      (HEADER.test(previous) && !HEADER.test(t)),
    WRAP,
  );
  const rows: ProcIrqRow[] = [];
  const notUnderstood: NotUnderstood[] = [];
  const report = (l: LogicalLine, problem: string) =>
    notUnderstood.push({ dump: 'proc-interrupts', line: l.line, text: excerpt(l.text), problem });
  let cpus: number | null = null;
  const seen = new Map<number, number>();
  for (const l of logical) {
    if (l.text.trim() === '' || isPromptLine(l.text)) continue;
    if (l.text.length > MACHINE_LIMITS.lineChars) {
      report(l, `a line of ${l.text.length} characters: longer than a row of 4,096 CPUs`);
      continue;
    }
    if (HEADER.test(l.text)) {
      if (cpus === null) {
        cpus = l.text.trim().split(/\s+/).length;
        continue;
      }
      // Two snapshots pasted one after the other: said once, not "appears twice" per row.
      report(l, 'a second CPU header (another snapshot?): only the first table is read');
      break;
    }
    const label = ROW.exec(l.text);
    if (!label) {
      report(l, 'not a row of /proc/interrupts ("IRQ: counts... controller type names")');
      continue;
    }
    if (!/^\d+$/.test(label[1]!)) continue; // NMI, LOC, RES...: per-CPU counters, no device.
    if (cpus === null) {
      report(
        l,
        'an interrupt row before the "CPU0 CPU1 ..." header: cannot tell counts from names',
      );
      continue;
    }
    const irq = Number(label[1]);
    const row = readRow(irq, l, cpus, report);
    if (row === null) continue;
    const first = seen.get(irq);
    if (first !== undefined) {
      report(l, `IRQ ${irq} appears twice (first on line ${first}): this row is ignored`);
      continue;
    }
    seen.set(irq, l.line);
    rows.push(row);
  }
  return {
    table: { cpus: cpus ?? 0, rows },
    notUnderstood,
    hasHeader: cpus !== null,
    tooLarge: false,
  };
}

function readRow(
  irq: number,
  l: LogicalLine,
  cpus: number,
  report: (l: LogicalLine, problem: string) => void,
): ProcIrqRow | null {
  const tokens = l.text
    .slice(l.text.indexOf(':') + 1)
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  let count = 0;
  let i = 0;
  for (; i < tokens.length && i < cpus && /^\d+$/.test(tokens[i]!); i++) count += Number(tokens[i]);
  const rest = tokens.slice(i);
  if (rest.length === 0) {
    report(
      l,
      i < cpus
        ? `cut short: ${i} of ${cpus} CPU counts and no controller`
        : 'no controller column after the counts (cut short?)',
    );
    return null;
  }
  if (i < cpus) {
    report(l, `only ${i} of ${cpus} CPU counts before "${rest[0]}": the row is ignored`);
    return null;
  }
  // A chip's name may have spaces (it is printed right-aligned in 8 columns, `BRCM STB
  // PCIe MSI`): it runs up to the first column that can only follow it, if one comes soon.
  let k = 1;
  const after = rest.findIndex(
    (t, i) => i > 0 && i <= MAX_CHIP_WORDS && (HWIRQ_TOKEN.test(t) || LEVEL_TOKEN.test(t)),
  );
  if (after > 1) k = after;
  const chipToken = rest.slice(0, k).join(' ');
  const hwirq = k < rest.length && HWIRQ_TOKEN.test(rest[k]!) ? parseInt(rest[k]!, 10) : null;
  if (k < rest.length && HWIRQ_TOKEN.test(rest[k]!) && !rest[k]!.includes('-')) k += 1;
  const word = k < rest.length ? LEVEL_TOKEN.exec(rest[k]!) : null;
  if (word || (k < rest.length && (HWIRQ_TOKEN.test(rest[k]!) || FLOW_TOKEN.test(rest[k]!))))
    k += 1;
  if (word && !word[2] && k < rest.length && FLOW_TOKEN.test(rest[k]!)) k += 1;
  const names = rest.slice(k);
  const where = rest.slice(0, k).join(' ');
  // The trigger word is the IRQ's own type (irqd_is_level_type); without it, the flow
  // handler says it: fasteoi is how x86 handles a level-triggered IO-APIC pin.
  const trigger = word
    ? word[1] === 'Level'
      ? 'level'
      : 'edge'
    : /level|fasteoi/i.test(where)
      ? 'level'
      : /edge/i.test(where)
        ? 'edge'
        : null;
  return {
    irq,
    line: l.line,
    count,
    chip: chipToken,
    kind: chipKind(where),
    trigger,
    names: names
      .join(' ')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean),
    address: addressOf(chipToken),
    hwirq,
  };
}

function chipKind(where: string): ChipKind {
  if (/xen-pirq/i.test(where)) {
    if (/msi/i.test(where)) return 'msi';
    return /ioapic/i.test(where) ? 'ioapic' : 'other';
  }
  if (/IO-APIC/i.test(where)) return 'ioapic';
  // arm64's PCI MSIs go through the GIC's ITS (ITS-MSI) or a host bridge's own
  // MSI controller (`BRCM STB PCIe MSI`).
  if (/PCI-MSI|\bITS-MSI\b|\bPCIe MSI\b/i.test(where)) return 'msi';
  if (/XT-PIC/i.test(where)) return 'pic';
  return 'other';
}

function addressOf(chip: string): string | null {
  const m = ADDRESS.exec(chip);
  if (!m) return null;
  return /^0+$/.test(m[1]!) ? m[2]!.toLowerCase() : `${m[1]!.toLowerCase()}:${m[2]!.toLowerCase()}`;
}
