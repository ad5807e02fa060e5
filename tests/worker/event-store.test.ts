import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/engine/events';
import { PRESETS } from '../../src/presets';
import { EventStore } from '../../src/worker/event-store';
import { millionEventScenario } from '../bench/ui/million-scenario';
import { presetScenario, run, scenarioOf } from '../engine/helpers';

function storeOf(events: readonly TraceEvent[]): EventStore {
  const store = new EventStore();
  for (const ev of events) store.push(ev);
  store.trim();
  return store;
}

describe('EventStore: events in columns, rebuilt as they were', () => {
  for (const preset of PRESETS) {
    it(`${preset.name}: every rebuilt event serializes to the same JSON text`, () => {
      const { events } = run(presetScenario(preset.name));
      const store = storeOf(events);
      expect(store.length).toBe(events.length);
      // The same text, key order included: the exported trace stays byte for byte.
      expect(JSON.stringify(store.toArray())).toBe(JSON.stringify(events));
      expect(JSON.stringify([...store.each()])).toBe(JSON.stringify(events));
      expect(store.slice(3, 9)).toEqual(events.slice(3, 9));
      for (let i = 0; i < events.length; i += 17) expect(store.timeAt(i)).toBe(events[i]!.t);
    });
  }

  it('rebuilds a new object each time: a consumer that edits one changes nothing kept', () => {
    const { events } = run(presetScenario('fig3-broadcast'));
    const store = storeOf(events);
    const i = events.findIndex((e) => e.type === 'host.forward');
    const first = store.get(i) as Extract<TraceEvent, { type: 'host.forward' }>;
    first.devices.push('changed');
    expect(store.get(i)).toEqual(events[i]);
  });

  it('keeps any object it cannot put in columns as it is, in its place', () => {
    const odd = [
      { seq: 0, t: 1.5, type: 'device.raise', device: 'a', merged: false, source: 'hand' },
      { seq: 1, t: 2, type: 'line.level', line: 'L', value: 1, device: 'a', extra: 2 ** 40 },
      { seq: 2, t: 3, type: 'line.nobody-cared', line: 'L', unhandled: 0.25, window: -7 },
      { seq: 3, t: 4, type: 'host.eoi', entity: 'vm', inFlight: 1, nested: { a: 1 } },
      { t: 5, type: 'run.end', reason: 'idle', seq: 4 },
      { seq: 2 ** 33, t: 6, type: 'entity.exit', entity: 'vm' },
      {
        seq: 6,
        t: 7,
        type: 'isr.call',
        entity: 'e',
        isr: 'i',
        device: 'd',
        result: 'x',
        more: 'y',
      },
    ] as unknown as TraceEvent[];
    const store = storeOf(odd);
    expect(JSON.stringify(store.toArray())).toBe(JSON.stringify(odd));
  });

  it('random events of JSON values round-trip to the same text', () => {
    const value = fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.array(fc.integer(), { maxLength: 2 }),
    );
    const event = fc
      .tuple(
        fc.nat(),
        fc.double({ min: 0, max: 1e15, noNaN: true }),
        fc.constantFrom('device.raise', 'host.forward', 'isr.call'),
        fc.dictionary(
          fc
            .string({ minLength: 1, maxLength: 6 })
            .filter((k) => !['seq', 't', 'type'].includes(k)),
          value,
          { maxKeys: 6 },
        ),
      )
      .map(([seq, t, type, rest]) => ({ seq, t, type, ...rest }) as unknown as TraceEvent);
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const store = storeOf(events);
        expect(JSON.stringify(store.toArray())).toBe(JSON.stringify(events));
      }),
      { numRuns: 300 },
    );
  });

  it('holds a large run in at most 40 bytes per event', () => {
    const { events } = run(scenarioOf(millionEventScenario(2000)));
    const store = storeOf(events);
    const perEvent = store.retainedBytes() / store.length;
    expect(perEvent).toBeLessThanOrEqual(40);
    expect(perEvent).toBeGreaterThan(14); // t (8), seq (4) and the shape id (2) at least
  });
});
