/**
 * Small documents for the trace-io tests, written out by hand so the tests do
 * not depend on the engine. Each call returns a fresh copy to mutate freely.
 */
import type { TraceEvent } from '../../src/engine/events';
import type { Summary } from '../../src/engine/summary-types';

/** A minimal valid scenario file: only required fields, defaults left out. */
export function minimalScenarioDoc(): Record<string, unknown> {
  return {
    format: 'intx-lab/scenario',
    version: 1,
    name: 'two VMs share INTA',
    policy: 'selective',
    devices: [
      { id: 'nic0', line: 'INTA', owners: ['vm1'] },
      { id: 'disk0', line: 'INTB', owners: ['vm2'] },
      { id: 'usb0', line: 'INTA', owners: ['vm2'] },
    ],
    entities: [
      {
        id: 'vm1',
        isrs: [
          { id: 'vm1-serial', device: null },
          { id: 'vm1-nic0', device: 'nic0', flushPostedWrites: false },
        ],
      },
      {
        id: 'vm2',
        isrs: [
          { id: 'vm2-disk0', device: 'disk0' },
          { id: 'vm2-usb0', device: 'usb0' },
        ],
      },
    ],
    stimuli: [{ at: 1000, device: 'nic0', action: 'raise' }],
  };
}

/** The FORMATS.md example, with every field written out and a few hand actions. */
export function richScenarioDoc(): Record<string, unknown> {
  return {
    format: 'intx-lab/scenario',
    version: 1,
    name: 'Figure 4: selective forwarding',
    description: 'bridge, hand actions, traffic',
    seed: 7,
    policy: 'selective',
    hostMask: 'device',
    forwardDeviceId: true,
    chainWalk: 'all',
    entityKind: 'thread',
    costs: { contextSwitchNs: 2000 },
    lines: [
      { id: 'INTA', trigger: 'level' },
      { id: 'INTC', trigger: 'edge' },
    ],
    devices: [
      {
        id: 'nic0',
        line: 'INTA',
        owners: ['vm1'],
        pci23: true,
        statusReliable: true,
        deassertDelayNs: 50,
      },
      { id: 'bridged', line: 'INTC', owners: ['vm1'], pin: 'INTB', bridgeSlot: 1, enabled: false },
    ],
    entities: [
      {
        id: 'vm1',
        isrs: [
          { id: 'vm1-nic0', device: 'nic0', flushPostedWrites: true },
          { id: 'vm1-bridged', device: 'bridged' },
        ],
      },
    ],
    stimuli: [
      { at: 1000000, device: 'nic0', action: 'raise' },
      { at: 500, device: 'bridged', action: 'set-enable', value: 1, source: 'hand' },
      { at: 600, device: 'nic0', action: 'set-intx-disable', value: 0 },
      { at: 700, device: 'nic0', action: 'withdraw' },
    ],
    traffic: [{ device: 'nic0', meanIntervalNs: 50000, count: 1000, startNs: 10 }],
    nobodyCared: { enabled: true },
    untilNs: 5000000,
    maxEvents: 100000,
  };
}

type EventBody = TraceEvent extends infer E
  ? E extends TraceEvent
    ? Omit<E, 'seq' | 't'>
    : never
  : never;

/** One event of every type (field order as in events.ts), numbered from 0. */
export function oneOfEachEvent(): TraceEvent[] {
  const events: EventBody[] = [
    { type: 'device.raise', device: 'nic0', merged: false, source: 'scenario' },
    { type: 'device.withdraw', device: 'nic0', raises: 0, source: 'hand' },
    { type: 'device.enable', device: 'nic0', value: 1, source: 'scenario' },
    { type: 'device.intx-disable', device: 'nic0', value: 1, by: 'host' },
    { type: 'device.status', device: 'nic0', value: 1 },
    { type: 'device.pin', device: 'nic0', value: 0 },
    { type: 'device.service', device: 'nic0', entity: 'vm1', isr: 'vm1-nic0', raises: 1 },
    { type: 'line.level', line: 'INTA', value: 1, device: 'nic0' },
    { type: 'line.no-edge', line: 'INTA', device: 'usb0' },
    { type: 'line.nobody-cared', line: 'INTA', unhandled: 99900, window: 100000 },
    { type: 'ioapic.deliver', line: 'INTA', to: 'host' },
    { type: 'ioapic.remote-irr', line: 'INTA', value: 1 },
    { type: 'ioapic.latch', line: 'INTA' },
    { type: 'ioapic.eoi', line: 'INTA', by: 'host' },
    { type: 'ioapic.mask', line: 'INTA', value: 1, by: 'host' },
    { type: 'host.receive', line: 'INTA' },
    { type: 'host.config-read', device: 'usb0', status: null, trusted: false },
    { type: 'host.skip', device: 'nic0', reason: 'in-flight' },
    { type: 'host.forward', entity: 'vm1', devices: ['nic0'], device: 'nic0', reason: 'status' },
    { type: 'host.unhandled', line: 'INTA' },
    { type: 'host.eoi', entity: 'vm1', inFlight: 0 },
    { type: 'entity.enter', entity: 'vm1', contextSwitch: true, device: null },
    { type: 'isr.call', entity: 'vm1', isr: 'vm1-nic0', device: 'nic0', result: 'claimed' },
    { type: 'entity.spurious', entity: 'vm2' },
    { type: 'entity.eoi', entity: 'vm1' },
    { type: 'entity.exit', entity: 'vm1' },
    { type: 'run.end', reason: 'idle' },
  ];
  // seq and t first: the order the engine writes them in.
  return events.map((e, i) => ({ seq: i, t: 1000 + i * 100, ...e }) as TraceEvent);
}

/**
 * The summary `oneOfEachEvent()` gives, by the rules of `createSummaryAccumulator`
 * (src/engine/summary.ts): vm1 is busy from entity.enter (t 3100) to entity.exit
 * (t 3500), 400 ns; nic0's one raise (t 1000) is serviced at t 1600, 600 ns; the
 * run ends at t 3600; every device of the scenario has a row.
 */
export function summaryFixture(): Summary {
  const idle = { raised: 0, serviced: 0, lost: 0, withdrawn: 0 };
  return {
    totals: {
      raised: 1,
      serviced: 1,
      lost: 0,
      spurious: 1,
      isrCalls: 1,
      contextSwitches: 1,
      configReads: 1,
      deliveries: 1,
      withdrawn: 0,
      hostUnhandled: 1,
      busyNs: 400,
      durationNs: 3600,
    },
    entities: {
      vm1: { interrupts: 1, spurious: 0, isrCalls: 1, contextSwitches: 1, busyNs: 400 },
      vm2: { interrupts: 0, spurious: 1, isrCalls: 0, contextSwitches: 0, busyNs: 0 },
    },
    devices: {
      nic0: {
        raised: 1,
        serviced: 1,
        lost: 0,
        withdrawn: 0,
        latencyNs: { min: 600, mean: 600, max: 600 },
      },
      disk0: { ...idle, latencyNs: { min: 0, mean: 0, max: 0 } },
      usb0: { ...idle, latencyNs: { min: 0, mean: 0, max: 0 } },
    },
  };
}

/** A valid trace file whose scenario is written with its defaults left out. */
export function traceDoc(): Record<string, unknown> {
  return {
    format: 'intx-lab/trace',
    version: 1,
    engine: 'intx-lab@0.1.0',
    scenario: minimalScenarioDoc(),
    events: oneOfEachEvent(),
    summary: summaryFixture(),
  };
}
