import { describe, expect, it } from 'vitest';
import { Comparer } from '../../../src/analysis';
import { compareRows, formatRatio, formatValue } from '../../../src/views/compare/compare-rows';
import { crossoverText } from '../../../src/views/compare/crossover-text';
import { presetScenario } from '../../engine/helpers';

describe('compare rows', () => {
  const c = new Comparer().compare(presetScenario('fig3-broadcast'), Infinity);

  it('reads every value from the summaries and takes ratios against broadcast', () => {
    const rows = compareRows(c, 'whole');
    const switches = rows.find((r) => r.spec.key === 'contextSwitches')!;
    expect(switches.cells.map((x) => x.value)).toEqual([0, 12, 4, 4, 4, 12, 4, 4]);
    expect(switches.cells.map((x) => x.ratio)).toEqual([
      0,
      1,
      4 / 12,
      4 / 12,
      4 / 12,
      1,
      4 / 12,
      4 / 12,
    ]);
    const reads = rows.find((r) => r.spec.key === 'configReads')!;
    // Broadcast reads nothing: no ratio for selective's reads.
    expect(reads.cells[2]!.ratio).toBeNull();
    const cpu = rows.find((r) => r.spec.key === 'cpu')!;
    const sel = c.variants[2]!.whole.totals;
    // Busy time plus the host's own CPU: 4 entries (300), 16 reads and 8 writes (500 each).
    expect(sel.hostCpuNs).toBe(4 * 300 + 16 * 500 + 8 * 500);
    expect(cpu.cells[2]!.value).toBe(sel.busyNs + sel.hostCpuNs!);
  });

  it('formats counts, times and ratios', () => {
    expect(formatValue(12345, 'count')).toBe('12,345');
    expect(formatValue(1500, 'time')).toBe('1.50 µs');
    expect(formatValue(4480, 'time')).toBe('4.48 µs');
    expect(formatValue(1_234_567, 'time')).toBe('1,234.57 µs');
    expect(formatValue(1 / 3, 'per')).toBe('0.33');
    expect(formatRatio(0.25)).toBe('×0.25');
    expect(formatRatio(null)).toBe('–');
  });
});

describe('crossover sentence', () => {
  it('names where selective costs more, and where it starts to pay', () => {
    const text = crossoverText(
      [
        { value: 1, broadcast: 3000, selective: 3500 },
        { value: 2, broadcast: 6000, selective: 4000 },
      ],
      'vms',
    );
    expect(text).toBe(
      "Selective's Status reads cost more than they save at 1 VM (3.5 µs against 3 µs). From 2 VMs it saves more than it costs.",
    );
  });

  it('says when selective wins everywhere, and nothing without points', () => {
    expect(crossoverText([{ value: 4, broadcast: 2, selective: 1 }], 'chain')).toMatch(
      /every point/,
    );
    expect(crossoverText([], 'chain')).toBeNull();
  });
});
