import { describe, expect, it } from 'vitest';
import { FLOW_BOXES, flowColumn, flowRows } from '../../src/replay/flow';
import { applyEvent, initialView } from '../../src/replay/view-state';
import { presetScenario, run } from '../engine/helpers';

/** The lit box after each event of a preset's run, as the view fold computes it. */
function litSequence(preset: string): { type: string; flow: number | null }[] {
  const scenario = presetScenario(preset);
  const { events } = run(scenario);
  const view = initialView(scenario);
  return events.map((ev) => {
    applyEvent(view, ev);
    return { type: ev.type, flow: view.flow };
  });
}

describe('Figure 6 flow', () => {
  it('has the five boxes of Figure 6 in every row, in order', () => {
    for (const policy of ['native', 'broadcast', 'selective'] as const) {
      for (const row of flowRows(policy)) {
        expect(row.steps.map((s) => s.box)).toEqual([...FLOW_BOXES]);
      }
    }
    expect(flowRows('broadcast')[0]!.policy).toBe('broadcast');
    expect(flowRows('selective')[0]!.policy).toBe('selective');
    expect(flowRows('native')[0]!.policy).toBe('native');
  });

  it('maps the host and entity steps to their boxes and leaves gate changes alone', () => {
    const base = { seq: 0, t: 0 };
    expect(flowColumn({ ...base, type: 'host.receive', line: 'L' })).toBe(610);
    expect(flowColumn({ ...base, type: 'device.pin', device: 'd', value: 1 } as never)).toBeNull();
  });

  it('lights 610, 620, 630, 640 and 650 in that order for a selective interrupt', () => {
    const seq = litSequence('fig4-selective');
    const firstOf = (type: string) => seq.find((s) => s.type === type)!.flow;
    expect(firstOf('host.receive')).toBe(610);
    expect(firstOf('host.config-read')).toBe(620);
    expect(firstOf('host.forward')).toBe(630);
    expect(firstOf('isr.call')).toBe(640);
    expect(firstOf('entity.eoi')).toBe(650);
  });

  it('keeps the last box lit through events that belong to no box', () => {
    const scenario = presetScenario('fig4-selective');
    const { events } = run(scenario);
    const view = initialView(scenario);
    let checked = 0;
    let unmaskChecks = 0;
    for (const ev of events) {
      const before = view.flow;
      const sweeping = view.host.phase === 'receive' || view.host.phase === 'identify';
      applyEvent(view, ev);
      if (ev.type === 'run.end') {
        // Nothing is in progress once the run is over.
        expect(view.flow).toBeNull();
      } else if (ev.type === 'host.config-read' && !sweeping) {
        // The read after the owner's EOI is VFIO's unmask check: 650, not 620.
        expect(view.flow).toBe(650);
        unmaskChecks += 1;
      } else if (flowColumn(ev) === null) {
        expect(view.flow).toBe(before);
        checked += 1;
      } else {
        expect(view.flow).toBe(flowColumn(ev));
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(unmaskChecks).toBeGreaterThan(0);
  });

  it('never lights 620 under broadcast: the baseline reads no status bit', () => {
    const seq = litSequence('fig3-broadcast');
    expect(seq.some((s) => s.flow === 620)).toBe(false);
    expect(seq.some((s) => s.flow === 630)).toBe(true);
    expect(seq.some((s) => s.flow === 640)).toBe(true);
  });

  it('never lights 620 or 630 natively: there is no hypervisor', () => {
    const seq = litSequence('fig2-native');
    expect(seq.some((s) => s.flow === 620 || s.flow === 630)).toBe(false);
    expect(seq.some((s) => s.flow === 610)).toBe(true);
    expect(seq.some((s) => s.flow === 650)).toBe(true);
  });
});
