import { describe, expect, it } from 'vitest';
import {
  deviceRows,
  entityRows,
  formatMetric,
  totalItems,
} from '../../../src/views/metrics/metric-rows';
import { presetScenario, run } from '../../engine/helpers';

describe('metric rows', () => {
  const { summary } = run(presetScenario('fig3-broadcast'));

  it('has one row per entity and device, with the summary values unchanged', () => {
    const entities = entityRows(summary);
    expect(entities.map((r) => r.id)).toEqual(Object.keys(summary.entities));
    for (const r of entities) expect(r.values).toEqual(summary.entities[r.id]);
    const devices = deviceRows(summary);
    expect(devices.map((d) => d.id)).toEqual(Object.keys(summary.devices));
    for (const d of devices) {
      const s = summary.devices[d.id]!;
      expect([d.raised, d.serviced, d.unserviced, d.latencyMean]).toEqual([
        s.raised,
        s.serviced,
        s.lost,
        s.latencyNs.mean,
      ]);
    }
  });

  it('derives per-service ratios from the totals (fig3: 12 switches, 8 spurious)', () => {
    const items = totalItems(summary, true);
    const value = (label: string) => items.find((i) => i.label === label)!.value;
    expect(value('Context switches')).toBe(12);
    expect(value('Spurious')).toBe(8);
    expect(value('Switches per service')).toBeCloseTo(12 / summary.totals.serviced);
    expect(value('Spurious per service')).toBeCloseTo(8 / summary.totals.serviced);
    expect(items.some((i) => i.label === 'Lost')).toBe(true);
    expect(totalItems(summary, false).some((i) => i.label === 'Not yet serviced')).toBe(true);
  });

  it('formats counts, microseconds and ratios', () => {
    expect(formatMetric(12345, {})).toBe('12,345');
    expect(formatMetric(2500, { time: true })).toBe('2.5 µs');
    expect(formatMetric(1.5, { ratio: true })).toBe('1.50');
  });
});
