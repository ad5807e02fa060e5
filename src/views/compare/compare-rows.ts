import type { Comparison, VariantId } from '../../analysis';
import { BASELINE, cpuNs, ratio } from '../../analysis/engine-free';
import type { Summary } from '../../engine/summary-types';
import { formatCount, formatDecimal, formatMicrosFixed } from '../charts/numbers';

/**
 * Pure arrangement of a comparison into the table's rows: each value read from
 * a variant's engine summary, each ratio against broadcast. Nothing is
 * computed here that the summaries do not hold, except sums and quotients of
 * their own fields (and config reads times their cost, for CPU time).
 */
export type Scope = 'at' | 'whole';

export type RowKind = 'count' | 'time' | 'per';

export interface RowSpec {
  key: string;
  label: string;
  kind: RowKind;
  /** Why the row matters, shown as the row header's title. */
  hint: string;
  value: (s: Summary, configReadNs: number) => number;
}

const perServiced = (v: number, s: Summary) => (s.totals.serviced > 0 ? v / s.totals.serviced : 0);

function received(s: Summary): number {
  let n = 0;
  for (const e of Object.values(s.entities)) n += e.interrupts;
  return n;
}

function meanLatency(s: Summary): number {
  let sum = 0;
  let n = 0;
  for (const d of Object.values(s.devices)) {
    sum += d.latencyNs.mean * d.serviced;
    n += d.serviced;
  }
  return n > 0 ? sum / n : 0;
}

export const ROWS: readonly RowSpec[] = [
  {
    key: 'serviced',
    label: 'Interrupts serviced',
    kind: 'count',
    hint: 'Device raises an ISR serviced',
    value: (s) => s.totals.serviced,
  },
  {
    key: 'deliveries',
    label: 'Controller deliveries',
    kind: 'count',
    hint: 'Times the interrupt controller delivered the physical interrupt',
    value: (s) => s.totals.deliveries,
  },
  {
    key: 'received',
    label: 'Indications received',
    kind: 'count',
    hint: 'Interrupts that reached an entity (VM or OS)',
    value: received,
  },
  {
    key: 'contextSwitches',
    label: 'Context switches',
    kind: 'count',
    hint: 'Switches into an entity to handle an interrupt',
    value: (s) => s.totals.contextSwitches,
  },
  {
    key: 'spurious',
    label: 'Spurious interrupts',
    kind: 'count',
    hint: 'Entities interrupted in which no ISR claimed',
    value: (s) => s.totals.spurious,
  },
  {
    key: 'isrCalls',
    label: 'ISR calls',
    kind: 'count',
    hint: 'Interrupt service routines called',
    value: (s) => s.totals.isrCalls,
  },
  {
    key: 'configReads',
    label: 'Config reads',
    kind: 'count',
    hint: 'Host reads of a device Status register (what selective pays)',
    value: (s) => s.totals.configReads,
  },
  {
    key: 'cpu',
    label: 'CPU time',
    kind: 'time',
    hint: "Entity busy time plus the host's own: entries, Status reads, Interrupt Disable writes, injections",
    value: (s, readNs) => cpuNs(s.totals, { configReadNs: readNs }),
  },
  {
    key: 'latency',
    label: 'Mean latency',
    kind: 'time',
    hint: 'From a device raise to its service, mean over serviced raises',
    value: meanLatency,
  },
  {
    key: 'switchesPer',
    label: 'Switches per interrupt',
    kind: 'per',
    hint: 'Context switches per serviced interrupt',
    value: (s) => perServiced(s.totals.contextSwitches, s),
  },
  {
    key: 'spuriousPer',
    label: 'Spurious per interrupt',
    kind: 'per',
    hint: 'Spurious interrupts per serviced interrupt',
    value: (s) => perServiced(s.totals.spurious, s),
  },
  {
    key: 'cpuPer',
    label: 'CPU per interrupt',
    kind: 'time',
    hint: 'CPU time per serviced interrupt',
    value: (s, readNs) => perServiced(cpuNs(s.totals, { configReadNs: readNs }), s),
  },
];

export interface Cell {
  variant: VariantId;
  value: number;
  /** Against broadcast at the same scope; null when broadcast is zero (0/0 included). */
  ratio: number | null;
}

export interface Row {
  spec: RowSpec;
  cells: Cell[];
}

export function compareRows(c: Comparison, scope: Scope): Row[] {
  const summaryOf = (i: number) => {
    const v = c.variants[i]!;
    return scope === 'at' ? v.atT : v.whole;
  };
  const baseIndex = c.variants.findIndex((v) => v.id === BASELINE);
  return ROWS.map((spec) => {
    const base = baseIndex >= 0 ? spec.value(summaryOf(baseIndex), c.configReadNs) : 0;
    return {
      spec,
      cells: c.variants.map((v, i) => {
        const value = spec.value(summaryOf(i), c.configReadNs);
        // 0 against 0 says nothing ("×1" would claim they are equal costs): no ratio.
        return {
          variant: v.id,
          value,
          ratio: value === 0 && base === 0 ? null : ratio(value, base),
        };
      }),
    };
  });
}

/**
 * Counts as integers, times in µs and per-interrupt figures with two decimals each (a
 * row's policies are read against each other: "5.10 µs" beside "4.48 µs", not "5.1 µs").
 */
export function formatValue(value: number, kind: RowKind): string {
  if (kind === 'time') return formatMicrosFixed(value);
  if (kind === 'per') return value.toFixed(2);
  return formatCount(Math.round(value));
}

/** "×0.25" against broadcast; "–" when there is no meaningful ratio. */
export function formatRatio(r: number | null): string {
  if (r === null) return '–';
  return `×${formatDecimal(r)}`;
}
