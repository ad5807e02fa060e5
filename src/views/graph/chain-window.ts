import { MIN_CHAIN_WINDOW } from './sizes';

/** One row of an entity's chain list: an ISR, or a summary of hidden ISRs. */
export type ChainRow =
  { kind: 'isr'; index: number } | { kind: 'more'; from: number; count: number };

/**
 * Which rows of a chain of `length` ISRs to show when at most `limit` fit.
 * The row count depends only on (length, limit), so the layout can size the
 * node once; the current ISR (index, or null) is always visible, and a
 * summary row never hides a single ISR (that ISR takes the row instead).
 */
export function chainWindow(length: number, current: number | null, limit: number): ChainRow[] {
  const max = Math.max(MIN_CHAIN_WINDOW, limit);
  if (length <= max) return range(0, length);
  if (current === null || current < max - 1) {
    return [...range(0, max - 1), more(max - 1, length - (max - 1))];
  }
  const hasTail = current < length - 1;
  const head = max - 2 - (hasTail ? 1 : 0);
  const rows = [...range(0, head), more(head, current - head), isr(current)];
  if (hasTail) rows.push(more(current + 1, length - 1 - current));
  return rows;
}

/** Rows the window takes for a chain of `length`: fixed whatever the current ISR. */
export function chainRowCount(length: number, limit: number): number {
  return Math.min(length, Math.max(MIN_CHAIN_WINDOW, limit));
}

function isr(index: number): ChainRow {
  return { kind: 'isr', index };
}
function more(from: number, count: number): ChainRow {
  return count === 1 ? isr(from) : { kind: 'more', from, count };
}
function range(from: number, to: number): ChainRow[] {
  const rows: ChainRow[] = [];
  for (let i = from; i < to; i++) rows.push(isr(i));
  return rows;
}
