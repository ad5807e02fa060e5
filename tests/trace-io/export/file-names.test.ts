import { describe, expect, it } from 'vitest';
import { exportFileName, scenarioSlug } from '../../../src/trace-io/export/file-names';
import { PRESETS } from '../../../src/presets';

describe('export file names', () => {
  it('slugs scenario names', () => {
    expect(scenarioSlug('Figure 3: broadcast to every VM')).toBe('figure-3-broadcast-to-every-vm');
    expect(scenarioSlug('  EOI race -- (no flush)  ')).toBe('eoi-race-no-flush');
    expect(scenarioSlug('Ünïcödé café')).toBe('unicode-cafe');
    expect(scenarioSlug('')).toBe('scenario');
    expect(scenarioSlug('!!! ???')).toBe('scenario');
    expect(scenarioSlug('共有割り込み')).toBe('scenario');
  });

  it('keeps slugs to 40 characters without a trailing dash', () => {
    const slug = scenarioSlug(`${'abcd '.repeat(7)}abcde fghij`);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).toBe('abcd-abcd-abcd-abcd-abcd-abcd-abcd-abcde');
    expect(scenarioSlug('x'.repeat(39) + ' y')).toBe('x'.repeat(39));
  });

  it('every preset gets a slug of lowercase letters, digits and single dashes', () => {
    for (const p of PRESETS) {
      const slug = scenarioSlug((p.file as { name: string }).name);
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(slug.length).toBeLessThanOrEqual(40);
    }
  });

  it('says what the file holds', () => {
    const s = { name: 'Figure 4: selective forwarding', policy: 'selective' as const };
    expect(exportFileName(s, 'trace')).toBe(
      'intx-lab_figure-4-selective-forwarding_selective.trace.json',
    );
    expect(exportFileName(s, 'scenario')).toBe(
      'intx-lab_figure-4-selective-forwarding_selective.scenario.json',
    );
    expect(exportFileName(s, 'vcd')).toBe('intx-lab_figure-4-selective-forwarding_selective.vcd');
    expect(exportFileName(s, 'wave')).toBe(
      'intx-lab_figure-4-selective-forwarding_selective.wave.json',
    );
    expect(exportFileName({ name: '', policy: 'native' }, 'vcd')).toBe(
      'intx-lab_scenario_native.vcd',
    );
  });
});
