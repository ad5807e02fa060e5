import { describe, expect, it } from 'vitest';
import { breakpointFor, breakpointHits } from '../../src/replay/breakpoints';
import { stopAtBreakpoint } from '../../src/store';
import { presetScenario, run } from '../engine/helpers';

describe('breakpoints', () => {
  const { events } = run(presetScenario('race-eoi'));

  it('finds each condition where the trace meets it', () => {
    // race-eoi: three raises, each seen by the line rising once.
    const rises = breakpointHits(events, [{ kind: 'line-rise' }]);
    expect(rises).toHaveLength(3);
    for (const c of rises) expect(events[c - 1]).toMatchObject({ type: 'line.level', value: 1 });
    // 6 spurious interrupts (the summary's count), each a hit.
    expect(breakpointHits(events, [{ kind: 'spurious' }])).toHaveLength(6);
    // Every spurious walk here follows a re-delivery at an EOI (the race):
    // deliveries 9, raises 3, so 6 re-deliveries.
    const re = breakpointHits(events, [{ kind: 'redelivery' }]);
    expect(re).toHaveLength(6);
    for (const c of re) {
      const ev = events[c - 1]!;
      expect(ev.type).toBe('ioapic.deliver');
      const eoi = events
        .slice(0, c - 1)
        .reverse()
        .find((e) => e.type === 'ioapic.eoi');
      expect(eoi?.t).toBe(ev.t);
    }
    const isr = breakpointHits(events, [{ kind: 'isr', isr: 'os-disk0' }]);
    expect(isr.every((c) => events[c - 1]!.type === 'isr.call')).toBe(true);
    expect(breakpointHits(events, [])).toEqual([]);
  });

  it('offers a breakpoint for events of a kind that can be one', () => {
    expect(breakpointFor({ seq: 0, t: 0, type: 'entity.spurious', entity: 'os' })).toEqual({
      kind: 'spurious',
    });
    expect(
      breakpointFor({ seq: 0, t: 0, type: 'line.level', line: 'INTA', value: 0, device: 'x' }),
    ).toBeNull();
  });

  it('play stops at the first hit on its way, or goes on to its target', () => {
    expect(stopAtBreakpoint(10, 20, [5, 15, 18])).toBe(15);
    expect(stopAtBreakpoint(15, 20, [5, 15, 18])).toBe(18);
    expect(stopAtBreakpoint(18, 20, [5, 15, 18])).toBe(20);
    expect(stopAtBreakpoint(10, 14, [15])).toBe(14);
  });
});
