import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/engine';
import { normalizeScenario } from '../../src/trace-io';

/** One device, two owners, each with an ISR for it; broadcast interrupts both at once. */
function twoOwners() {
  const parsed = normalizeScenario({
    format: 'intx-lab/scenario',
    version: 1,
    name: 'two owners of one device',
    policy: 'broadcast',
    devices: [{ id: 'nic0', line: 'INTA', owners: ['vm1', 'vm2'] }],
    entities: [
      { id: 'vm1', isrs: [{ id: 'vm1-nic0', device: 'nic0' }] },
      { id: 'vm2', isrs: [{ id: 'vm2-nic0', device: 'nic0' }] },
    ],
    stimuli: [{ at: 1000, device: 'nic0', action: 'raise' }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return simulate(parsed.value);
}

describe('two owners whose ISRs read the device at one instant', () => {
  it('the first claims and services; the second finds it claimed and is spurious', () => {
    const trace = twoOwners();
    const handling = trace.events
      .filter(
        (e) => e.type === 'isr.call' || e.type === 'device.service' || e.type === 'entity.spurious',
      )
      .map((e) => ({ ...e, seq: undefined }));
    // Both enter at 1400 (raise 1000 + delivery 100 + host entry 300); the ISR
    // calls come after the 1500 ns world switch, at 2900, in entity order.
    // Linux never runs two handlers of one interrupt at once (handle_fasteoi_irq()
    // and irq_may_run() skip it while IRQD_IRQ_INPROGRESS is set), so vm2's ISR
    // reads nic0 only after vm1's has serviced it: not its interrupt.
    expect(handling).toEqual([
      {
        seq: undefined,
        t: 2900,
        type: 'isr.call',
        entity: 'vm1',
        isr: 'vm1-nic0',
        device: 'nic0',
        result: 'claimed',
      },
      {
        seq: undefined,
        t: 2900,
        type: 'isr.call',
        entity: 'vm2',
        isr: 'vm2-nic0',
        device: 'nic0',
        result: 'not-mine',
      },
      // The claiming ISR's read takes isrCallNs (400): service at 3300, one raise.
      {
        seq: undefined,
        t: 3300,
        type: 'device.service',
        device: 'nic0',
        entity: 'vm1',
        isr: 'vm1-nic0',
        raises: 1,
      },
      { seq: undefined, t: 3300, type: 'entity.spurious', entity: 'vm2' },
    ]);
    expect(trace.events.filter((e) => e.type === 'device.service')).toHaveLength(1);
  });

  it('counts one service and one spurious interrupt, as a later read by vm2 would', () => {
    const { totals, entities } = twoOwners().summary;
    expect(totals).toMatchObject({ raised: 1, serviced: 1, lost: 0, spurious: 1, isrCalls: 2 });
    expect(entities['vm1']).toMatchObject({ spurious: 0, isrCalls: 1 });
    expect(entities['vm2']).toMatchObject({ spurious: 1, isrCalls: 1 });
  });
});
