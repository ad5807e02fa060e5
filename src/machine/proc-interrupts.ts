/**
 * Reads `cat /proc/interrupts`: a header of CPU columns, then one row per
 * interrupt, `IRQ: count per CPU, controller, [hwirq-]type, handler names`.
 * Linux prints the controller, the hardware number and the flow type as
 * separate columns (`IR-IO-APIC   16-fasteoi`); older kernels joined them
 * (`IO-APIC-fasteoi`) and Xen's dom0 prints `xen-pirq-ioapic-level`. Named
 * rows (NMI, LOC...) are per-CPU counters: understood, not devices.
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

const ROW = /^\s*(\d+|[A-Z][A-Z0-9]{1,5}):(?=\s|$)/;
const HEADER = /^\s*CPU\d+(\s+CPU\d+)*\s*$/;
const ADDRESS = /([0-9a-f]{4}):([0-9a-f]{2}:[0-9a-f]{2}\.[0-7])/i;
/** The hardware number and flow type: `16-fasteoi`, `-ioapic-level`, or a bare `Level`/`Edge`. */
const TYPE_TOKEN = /^(\d+-[\w-]+|-[\w-]+|Level|Edge)$/;

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
      if (cpus === null) cpus = l.text.trim().split(/\s+/).length;
      else report(l, 'a second CPU header: only the first table is read');
      continue;
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
  const chipToken = rest[0]!;
  let typeToken: string | null = null;
  let names = rest.slice(1);
  if (names.length > 0 && TYPE_TOKEN.test(names[0]!)) {
    typeToken = names[0]!;
    names = names.slice(1);
  }
  const where = `${chipToken} ${typeToken ?? ''}`;
  return {
    irq,
    line: l.line,
    count,
    chip: chipToken,
    kind: chipKind(where),
    trigger: /level|fasteoi/i.test(where) ? 'level' : /edge/i.test(where) ? 'edge' : null,
    names: names
      .join(' ')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean),
    address: addressOf(chipToken),
  };
}

function chipKind(where: string): ChipKind {
  if (/xen-pirq/i.test(where)) {
    if (/msi/i.test(where)) return 'msi';
    return /ioapic/i.test(where) ? 'ioapic' : 'other';
  }
  if (/IO-APIC/i.test(where)) return 'ioapic';
  if (/PCI-MSI/i.test(where)) return 'msi';
  if (/XT-PIC/i.test(where)) return 'pic';
  return 'other';
}

function addressOf(chip: string): string | null {
  const m = ADDRESS.exec(chip);
  if (!m) return null;
  return /^0+$/.test(m[1]!) ? m[2]!.toLowerCase() : `${m[1]!.toLowerCase()}:${m[2]!.toLowerCase()}`;
}
