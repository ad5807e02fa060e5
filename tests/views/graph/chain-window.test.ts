import { describe, expect, it } from 'vitest';
import { chainRowCount, chainWindow, type ChainRow } from '../../../src/views/graph/chain-window';

/** Rows as short text: ISR indices, and "+k" for a summary of k hidden ISRs. */
function show(rows: ChainRow[]): string {
  return rows.map((r) => (r.kind === 'isr' ? String(r.index) : `+${r.count}`)).join(' ');
}

describe('chainWindow', () => {
  it('shows a short chain whole', () => {
    expect(show(chainWindow(4, null, 6))).toBe('0 1 2 3');
    expect(show(chainWindow(6, 5, 6))).toBe('0 1 2 3 4 5');
  });

  it('collapses a long chain to its head and "k more"', () => {
    expect(show(chainWindow(10, null, 6))).toBe('0 1 2 3 4 +5');
    expect(show(chainWindow(10, 3, 6))).toBe('0 1 2 3 4 +5');
  });

  it('keeps the current ISR visible when it is further down', () => {
    expect(show(chainWindow(10, 7, 6))).toBe('0 1 2 +4 7 +2');
    expect(show(chainWindow(10, 9, 6))).toBe('0 1 2 3 +5 9');
    // A summary never hides a single ISR: that ISR takes the row.
    expect(show(chainWindow(10, 8, 6))).toBe('0 1 2 +5 8 9');
  });

  it('always uses the same number of rows, so the node size is fixed', () => {
    for (let length = 0; length < 20; length++) {
      const counts = new Set<number>();
      for (let current = -1; current < length; current++) {
        counts.add(chainWindow(length, current < 0 ? null : current, 6).length);
      }
      expect([...counts]).toEqual([chainRowCount(length, 6)]);
    }
  });
});
