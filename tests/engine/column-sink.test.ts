import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createColumnEngine } from '../../src/engine/column-engine';
import { layoutBase } from '../../src/engine/column-layout';
import { runEvents } from '../../src/engine/engine';
import { EVENT_FIELDS, EVENT_TYPES, type TraceEvent } from '../../src/engine/events';
import type { HostProfile, Scenario } from '../../src/engine/scenario';
import { summarize } from '../../src/engine/summary';
import type { Summary } from '../../src/engine/summary-types';
import { PRESETS } from '../../src/presets';
import { EVENT_FAST_CHECKS } from '../../src/trace-io/event-schema';
import { EventStore } from '../../src/worker/event-store';
import { runScenario } from './arbitraries';
import { presetScenario, scenarioOf, TWO_SHARERS } from './helpers';

/**
 * The column sink writes each event into the columnar store without making
 * it; the store rebuilds it on demand. Rebuilt, it must be the trace sink's
 * object (trace-sink.ts) field for field and key for key, in order: the
 * exported trace is the same text. The summary counted beside it is the
 * summary of those events.
 */
function columnEvents(scenario: Scenario): {
  store: EventStore;
  events: TraceEvent[];
  summary: Summary;
} {
  const store = new EventStore();
  const engine = createColumnEngine(scenario, store);
  while (engine.step());
  return { store, events: store.toArray(), summary: engine.summary() };
}

/** Checks the two paths agree on `scenario`; returns the event types its run made. */
function expectSameEvents(scenario: Scenario): Set<string> {
  const traced = runEvents(scenario);
  const { store, events, summary } = columnEvents(scenario);
  expect(store.length).toBe(traced.length);
  expect(events).toStrictEqual(traced);
  expect(JSON.stringify(events)).toBe(JSON.stringify(traced));
  // Counted as the events were written (the metrics sink): the summary of the events.
  expect(summary).toEqual(summarize(scenario, traced));
  return new Set(traced.map((e) => e.type));
}

/** Every event type the runs of this file made, to show that each layout was exercised. */
const seen = new Set<string>();

const POLICIES = ['native', 'broadcast', 'selective'] as const;
const HOSTS: readonly HostProfile[] = ['patent', 'xen', 'vfio', 'kvm'];

describe('the column sink: the trace sink events, rebuilt from columns', () => {
  const cases = PRESETS.flatMap((p) =>
    POLICIES.flatMap((policy) => HOSTS.map((host) => [p.name, policy, host] as const)),
  );
  it.each(cases)('%s, %s, host %s: the same events and the same JSON', (name, policy, host) => {
    for (const type of expectSameEvents(presetScenario(name, { policy, host }))) seen.add(type);
  });

  it('random scenarios, hosts, CPUs, traffic, MSI and limits: the same events', () => {
    fc.assert(
      fc.property(runScenario(), (scenario) => {
        for (const type of expectSameEvents(scenario)) seen.add(type);
      }),
      { numRuns: 300 },
    );
  });

  it('runs that make the rarer events: the same events', () => {
    // A device stuck asserting that no ISR claims, under kvm: the 10,000th EOI in a row
    // delays the re-delivery (QEMU ioapic_eoi_broadcast, host.storm-delay).
    const stuck = scenarioOf({
      format: 'intx-lab/scenario',
      version: 1,
      name: 'stuck asserting',
      policy: 'selective',
      host: 'kvm',
      untilNs: 40_000_000,
      devices: [{ id: 'stuck0', line: 'INTA', owners: ['vm1'] }],
      entities: [{ id: 'vm1', isrs: [{ id: 'vm1-other', device: null }] }],
      stimuli: [{ at: 1000, device: 'stuck0', action: 'raise' }],
    });
    // VFIO masks nic0 and signals vm1; nic1's interrupt comes before vm1's EOI, so
    // vfio_intx_handler skips the masked nic0 (host.skip).
    const masked = scenarioOf({
      format: 'intx-lab/scenario',
      version: 1,
      name: 'a second device while the first is masked',
      policy: 'selective',
      host: 'vfio',
      devices: [
        { id: 'nic0', line: 'INTA', owners: ['vm1'] },
        { id: 'nic1', line: 'INTA', owners: ['vm2'] },
      ],
      entities: [
        { id: 'vm1', isrs: [{ id: 'vm1-nic0', device: 'nic0' }] },
        { id: 'vm2', isrs: [{ id: 'vm2-nic1', device: 'nic1' }] },
      ],
      stimuli: [
        { at: 1000, device: 'nic0', action: 'raise' },
        { at: 2500, device: 'nic1', action: 'raise' },
      ],
    });
    // Linux's note_interrupt() disables the storming line; poll_spurious_irqs() polls it.
    const polled = presetScenario('storm', { host: 'vfio', untilNs: 250_000_000 });
    // An edge while the first is in service is latched (ioapic.latch), as the local APIC's
    // IRR holds it; only random scenarios made one before, not every run of them.
    const latched = scenarioOf({
      format: 'intx-lab/scenario',
      version: 1,
      name: 'an edge latched in service',
      policy: 'native',
      lines: [{ id: 'INTA', trigger: 'edge' }],
      devices: [
        { id: 'a', line: 'INTA', owners: ['os'] },
        { id: 'b', line: 'INTA', owners: ['os'] },
      ],
      entities: [
        {
          id: 'os',
          isrs: [
            { id: 'os-a', device: 'a' },
            { id: 'os-b', device: 'b' },
          ],
        },
      ],
      stimuli: [
        { at: 1000, device: 'a', action: 'raise' },
        { at: 1200, device: 'a', action: 'withdraw' },
        { at: 1250, device: 'b', action: 'raise' },
      ],
    });
    // A guest's own detector disables INTA (Xen broadcasts nic0 to vm2, which never claims
    // it), then the guest's poll serves disk0 (entity.poll).
    const guestPolled = scenarioOf({
      format: 'intx-lab/scenario',
      version: 1,
      name: 'a guest polls the IRQ it disabled',
      policy: 'broadcast',
      host: 'xen',
      nobodyCared: { enabled: true, window: 4, threshold: 3 },
      ...TWO_SHARERS,
      stimuli: [
        ...[1, 2, 3, 4].map((k) => ({ at: k * 1_000_000, device: 'nic0', action: 'raise' })),
        { at: 50_000_000, device: 'disk0', action: 'raise' },
      ],
    });
    expect(expectSameEvents(latched).has('ioapic.latch')).toBe(true);
    expect(expectSameEvents(guestPolled).has('entity.poll')).toBe(true);
    for (const scenario of [stuck, masked, polled, latched, guestPolled]) {
      for (const type of expectSameEvents(scenario)) seen.add(type);
    }
  });

  it('between them, the runs above make every event type', () => {
    expect(EVENT_TYPES.filter((type) => !seen.has(type))).toEqual([]);
  });
});

describe('the events field table (events.ts), the one source of the column layout', () => {
  it("lists each type's keys in the order of the trace schema", () => {
    for (const type of EVENT_TYPES) {
      const keys = ['seq', 't', 'type', ...Object.keys(EVENT_FIELDS[type])];
      expect(EVENT_FAST_CHECKS.get(type)?.keys).toEqual(keys);
    }
  });

  it('a count beyond 32 bits is kept aside and read back exactly', () => {
    const store = new EventStore();
    const shape = store.layoutShape(layoutBase('host.storm-delay'));
    const [dev, line] = [store.stringId('dev0'), store.stringId('INTA')];
    store.append(0, 5, shape, dev, line, store.bigCount(2 ** 40), 10_000_000);
    store.append(1, 6, shape, dev, line, 7, store.bigCount(Number.MAX_SAFE_INTEGER));
    expect(JSON.stringify(store.toArray())).toBe(
      JSON.stringify([
        {
          seq: 0,
          t: 5,
          type: 'host.storm-delay',
          device: 'dev0',
          line: 'INTA',
          count: 2 ** 40,
          delayNs: 10_000_000,
        },
        {
          seq: 1,
          t: 6,
          type: 'host.storm-delay',
          device: 'dev0',
          line: 'INTA',
          count: 7,
          delayNs: Number.MAX_SAFE_INTEGER,
        },
      ]),
    );
  });
});
