import { describe, expect, it } from 'vitest';
import { createSummaryAccumulator } from '../../src/engine/summary';
import { PRESETS } from '../../src/presets';
import { applyEvent, initialView } from '../../src/replay/view-state';
import { presetScenario, run } from '../engine/helpers';

/**
 * The graph and status line count from the view fold, the metrics panel from
 * the engine's summary. They must agree at every cursor, or the page would
 * show two different numbers for the same thing.
 */
describe('view counts agree with the engine summary at every cursor', () => {
  for (const preset of PRESETS.map((p) => p.name).filter((n) => n !== 'scale-32-vms')) {
    it(preset, () => {
      const scenario = presetScenario(preset);
      const { events } = run(scenario);
      const view = initialView(scenario);
      const acc = createSummaryAccumulator(scenario);
      for (const ev of events) {
        applyEvent(view, ev);
        acc.add(ev);
        const summary = acc.result();
        let spurious = 0;
        for (const [id, e] of Object.entries(view.entities)) {
          const s = summary.entities[id]!;
          expect(
            [e.interrupts, e.spurious, e.isrCalls, e.contextSwitches],
            `${id} at ${ev.seq}`,
          ).toEqual([s.interrupts, s.spurious, s.isrCalls, s.contextSwitches]);
          spurious += e.spurious;
        }
        expect(view.spurious).toBe(summary.totals.spurious);
        expect(spurious).toBe(summary.totals.spurious);
        for (const [id, d] of Object.entries(view.devices)) {
          expect([d.raised, d.serviced], `${id} at ${ev.seq}`).toEqual([
            summary.devices[id]!.raised,
            summary.devices[id]!.serviced,
          ]);
        }
      }
    });
  }
});

describe('a device the host refused at set-up', () => {
  it('shows its enable (510) off, as the engine has it, so its gates add up', () => {
    const scenario = presetScenario('legacy-device', { host: 'vfio' });
    const { events } = run(scenario);
    const view = initialView(scenario);
    for (const ev of events) {
      applyEvent(view, ev);
      const usb0 = view.devices['usb0']!;
      if (usb0.refused !== null) expect(usb0.enable, `at ${ev.seq}`).toBe(0);
    }
    expect(view.devices['usb0']).toMatchObject({ refused: 'no-intx-masking', enable: 0 });
    // The raise set its cause; INTx Status (cause AND enable) stayed 0.
    expect(view.devices['usb0']!.status).toBe(0);
  });
});

describe("an entity's exit", () => {
  it('ends its ISR too, a poll pass (which has no EOI) included', () => {
    const scenario = presetScenario('storm', { host: 'vfio', untilNs: 150_000_000 });
    const { events } = run(scenario);
    expect(events.some((e) => e.type === 'line.poll')).toBe(true);
    const view = initialView(scenario);
    for (const ev of events) {
      applyEvent(view, ev);
      if (ev.type === 'entity.exit') expect(view.entities[ev.entity]!.currentIsr).toBeNull();
    }
  });
});
