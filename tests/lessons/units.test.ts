import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons';
import { withUnit } from '../../src/lessons';

describe('an answer with its unit', () => {
  it('says one of a count noun in the singular, and more in the plural', () => {
    expect(withUnit(1, 'ISR calls')).toBe('1 ISR call');
    expect(withUnit(3, 'ISR calls')).toBe('3 ISR calls');
    expect(withUnit(1, 'VMs')).toBe('1 VM');
    expect(withUnit(1, 'deliveries')).toBe('1 delivery');
    expect(withUnit(1, 'context switches')).toBe('1 context switch');
    expect(withUnit(1, 'lost raises')).toBe('1 lost raise');
    expect(withUnit(1, 'spurious interrupts')).toBe('1 spurious interrupt');
    expect(withUnit(0, 'VMs')).toBe('0 VMs');
  });

  it('leaves symbols, words not ending in s and no unit alone, and rounds fractions', () => {
    expect(withUnit(1, 'ns')).toBe('1 ns');
    expect(withUnit(1, '×')).toBe('1 ×');
    expect(withUnit(1, '')).toBe('1');
    expect(withUnit(2.345, 'ISR calls')).toBe('2.35 ISR calls');
  });

  it('makes a word of every built-in unit for one', () => {
    const units = LESSONS.flatMap((l) =>
      l.steps.flatMap((s) => s.checkpoints.map((c) => (c.kind === 'predict' ? c.unit : ''))),
    ).filter((u) => u.length > 2);
    expect(units.length).toBeGreaterThan(5);
    for (const unit of units) {
      const one = withUnit(1, unit).slice(2);
      expect(one.endsWith('s'), `${unit} → ${one}`).toBe(false);
    }
  });
});
