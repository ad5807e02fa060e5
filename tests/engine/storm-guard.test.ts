import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSummary } from '../../src/engine/metrics-engine';
import { narrate } from '../../src/replay/narrate';
import { ofType, run, scenarioOf } from './helpers';

/*
 * QEMU's I/O APIC storm guard, hw/intc/ioapic.c `ioapic_eoi_broadcast()`: at an EOI that
 * finds the pin unmasked and still asserted, `++irq_eoi[n]`; when it reaches
 * SUCCESSIVE_IRQ_MAX_COUNT (10,000) it restarts at 0 and `delayed_ioapic_service_timer`
 * re-delivers NANOSECONDS_PER_SECOND / 100 (10 ms) later instead of at once; an EOI that finds
 * the pin low sets `irq_eoi[n] = 0`.
 *
 * stuck0 is owned by vm1, whose only handler never claims: its cause is never cleared, so
 * under kvm every guest EOI is resampled (VFIO's `pci_check_and_unmask_intx`) with Status 1.
 * Default costs: delivery 100, host entry 300, config read 500, config write 500, world switch
 * 1500, ISR call 400, EOI 100. From the raise at t0: host entry at t0 + 100, read at + 400,
 * masked at + 900, vm1 signalled at + 1400, enters until + 2900, calls its handler until
 * + 3300 (spurious), EOIs at + 3400; the resample reads Status 1 and decides at + 3900.
 * One back-to-back cycle after that: 1500 + 400 + 100 (guest) + 500 (read) = 2500 ns.
 */
const stuck = (profile: string, extra: Record<string, unknown> = {}) =>
  scenarioOf({
    format: 'intx-lab/scenario',
    version: 1,
    name: 'stuck asserting under a real host',
    policy: 'selective',
    host: profile,
    untilNs: 40_000_000,
    devices: [{ id: 'stuck0', line: 'INTA', owners: ['vm1'] }],
    entities: [{ id: 'vm1', isrs: [{ id: 'vm1-other', device: null }] }],
    stimuli: [{ at: 1000, device: 'stuck0', action: 'raise' }],
    ...extra,
  });

const stillPending = (events: ReturnType<typeof run>['events']) =>
  ofType(events, 'host.forward').filter((f) => f.reason === 'still-pending');

describe('kvm: QEMU ioapic_eoi_broadcast() storm guard (SUCCESSIVE_IRQ_MAX_COUNT)', () => {
  it('the 10,000th successive EOI with the pin high delays the re-delivery by 10 ms', () => {
    const { events } = run(stuck('kvm'));
    const delays = ofType(events, 'host.storm-delay');
    // The k-th still-asserted EOI decides at 1000 + 3900 + (k - 1) * 2500; k = 10,000:
    // 4900 + 9999 * 2500 = 25,002,400.
    expect(delays.map((d) => [d.t, d.device, d.line, d.count, d.delayNs])).toEqual([
      [25_002_400, 'stuck0', 'INTA', 10_000, 10_000_000],
    ]);
    const forwards = stillPending(events);
    // EOIs 1 to 9,999 re-deliver at once: 9,999 back-to-back forwards before the guard.
    expect(forwards.filter((f) => f.t < 25_002_400)).toHaveLength(9_999);
    expect(forwards[9_998]!.t).toBe(4900 + 9_998 * 2500);
    // The delayed one comes 10 ms after the decision, then the counter starts again from 1.
    expect(forwards[9_999]!.t).toBe(35_002_400);
    expect(forwards[10_000]!.t).toBe(35_002_400 + 2500);
    expect(narrate(delays[0]!)).toBe(
      "stuck0 is still asserting at its guest's EOI, 10,000 times in a row: QEMU's I/O APIC holds the next delivery back 10 ms (its storm guard), so the guest makes slow progress.",
    );
  });

  it('an EOI that finds the pin low restarts the count (irq_eoi[n] = 0)', () => {
    // The withdraw at 10 ms clears stuck0's cause: the next resample reads 0 and unmasks it.
    // The raise at 12 ms starts a new storm whose 10,000th EOI decides at
    // 12,000,000 + 3900 + 9999 * 2500 = 37,001,400, not at 25,002,400.
    const { events } = run(
      stuck('kvm', {
        stimuli: [
          { at: 1000, device: 'stuck0', action: 'raise' },
          { at: 10_000_000, device: 'stuck0', action: 'withdraw' },
          { at: 12_000_000, device: 'stuck0', action: 'raise' },
        ],
      }),
    );
    expect(ofType(events, 'host.storm-delay').map((d) => d.t)).toEqual([37_001_400]);
  });

  it('VFIO alone (no guest I/O APIC in the model) re-delivers back to back, never delayed', () => {
    const { events } = run(stuck('vfio'));
    expect(ofType(events, 'host.storm-delay')).toHaveLength(0);
    const forwards = stillPending(events);
    expect(forwards[9_999]!.t).toBe(4900 + 9_999 * 2500);
  });
});

describe('storm guard invariants (fast-check)', () => {
  it('whatever the costs and the traffic beside it: 9,999 at once, then one 10 ms later', () => {
    fc.assert(
      fc.property(
        fc.record({
          contextSwitchNs: fc.integer({ min: 200, max: 3000 }),
          configReadNs: fc.integer({ min: 100, max: 1000 }),
          isrCallNs: fc.integer({ min: 100, max: 800 }),
        }),
        fc.array(fc.integer({ min: 0, max: 30_000_000 }), { maxLength: 5 }),
        (costs, nicRaises) => {
          // nic0 shares INTA with stuck0 and is served normally by vm2.
          const { events, summary } = run(
            stuck('kvm', {
              untilNs: 60_000_000,
              costs,
              devices: [
                { id: 'stuck0', line: 'INTA', owners: ['vm1'] },
                { id: 'nic0', line: 'INTA', owners: ['vm2'] },
              ],
              entities: [
                { id: 'vm1', isrs: [{ id: 'vm1-other', device: null }] },
                { id: 'vm2', isrs: [{ id: 'vm2-nic0', device: 'nic0' }] },
              ],
              stimuli: [
                { at: 1000, device: 'stuck0', action: 'raise' },
                ...nicRaises.map((at) => ({ at: at + 2000, device: 'nic0', action: 'raise' })),
              ].sort((a, b) => a.at - b.at),
            }),
          );
          const delays = ofType(events, 'host.storm-delay');
          expect(delays.length).toBeGreaterThan(0);
          const again = stillPending(events).filter((f) => f.entity === 'vm1');
          let from = 0;
          for (const d of delays) {
            // After a delay, its delayed forward comes first, then 9,999 at once again.
            const before = again.filter((f) => f.t > from && f.t < d.t);
            expect(before).toHaveLength(9_999);
            expect(again.find((f) => f.t > d.t)?.t ?? d.t + 10_000_000).toBe(d.t + 10_000_000);
            from = d.t + 10_000_000;
          }
          // nic0 is never held back by its neighbour's storm guard: every raise is served.
          expect(summary.devices.nic0!.serviced).toBe(summary.devices.nic0!.raised);
        },
      ),
      { numRuns: 4 },
    );
  });

  it('counts the same in the metrics-only run as in the trace', () => {
    // The delay shifts every later event: the two paths must agree past it.
    const scenario = stuck('kvm');
    const { events, summary } = run(scenario);
    expect(ofType(events, 'host.storm-delay').length).toBeGreaterThan(0);
    expect(runSummary(scenario)).toEqual(summary);
  });
});
