import { describe, expect, it } from 'vitest';
import { pairedCursor } from '../../../src/views/graph/pair';

describe('pairedCursor', () => {
  // Player run: interrupts start at 5, 20, 40 (of 60 events); other run: 5, 11, 17 (of 25).
  const main = [5, 20, 40];
  const other = [5, 11, 17];
  it('follows the player before the first interrupt', () => {
    expect(pairedCursor(main, 3, other, 25)).toBe(3);
  });
  it('shows the same interrupt, as far into it as the player', () => {
    expect(pairedCursor(main, 5, other, 25)).toBe(5);
    expect(pairedCursor(main, 8, other, 25)).toBe(8);
    expect(pairedCursor(main, 21, other, 25)).toBe(12);
  });
  it('waits at the end of a shorter interrupt, never entering the next one', () => {
    expect(pairedCursor(main, 19, other, 25)).toBe(10);
    expect(pairedCursor(main, 59, other, 25)).toBe(25);
  });
  it('shows the end when the other run had fewer interrupts', () => {
    expect(pairedCursor(main, 45, [5], 9)).toBe(9);
  });
});
