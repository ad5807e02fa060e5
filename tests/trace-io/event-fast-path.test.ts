/**
 * The fast path for trace events must accept exactly the events zod accepts
 * unchanged and give deep-equal data. Valid events are generated from zod's
 * own JSON Schema of each event type (an independent reading of the same
 * definitions), then mutated the ways files go wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/engine/events';
import { EVENT_FAST_CHECKS, eventSchemas, traceEventSchema } from '../../src/trace-io/event-schema';
import { fastEvents, passesFastCheck } from '../../src/trace-io/event-fast-path';
import { normalizeTrace, parseTrace, traceSchema } from '../../src/trace-io/trace-schema';
import { z } from '../../src/trace-io/zod';
import { errorMap } from '../../src/trace-io/zod-errors';
import { traceDoc } from './fixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Prop {
  type?: string | string[];
  const?: Json;
  enum?: Json[];
  anyOf?: Prop[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  items?: Prop;
}
interface ObjectSchema {
  properties: Record<string, Prop>;
  required: string[];
}

/** A value zod accepts for `prop`, read from zod's JSON Schema of the field. */
function validValue(prop: Prop): fc.Arbitrary<Json> {
  if (prop.const !== undefined) return fc.constant(prop.const);
  if (prop.enum !== undefined) return fc.constantFrom(...prop.enum);
  if (prop.anyOf !== undefined) return fc.oneof(...prop.anyOf.map(validValue));
  if (Array.isArray(prop.type)) return fc.oneof(...prop.type.map((type) => validValue({ type })));
  switch (prop.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({
        min: prop.minimum ?? 0,
        max: Math.min(prop.maximum ?? 2 ** 31, 2 ** 31),
      });
    case 'number':
      return fc.oneof(
        fc.double({ min: prop.minimum ?? 0, max: prop.maximum ?? 1e15, noNaN: true }),
        fc.constantFrom(prop.minimum ?? 0, prop.maximum ?? 0),
      );
    case 'string':
      return fc.string({ minLength: prop.minLength ?? 0, maxLength: prop.maxLength ?? 12 });
    case 'array':
      return fc.array(validValue(prop.items!), { maxLength: Math.min(prop.maxItems ?? 4, 4) });
    default:
      throw new Error(`no generator for ${JSON.stringify(prop)}`);
  }
}

const shapes = eventSchemas.map((schema) => z.toJSONSchema(schema) as unknown as ObjectSchema);

/** A valid event of any type, keys in shape order, a plain object as JSON.parse makes. */
const validEvent: fc.Arbitrary<Record<string, Json>> = fc
  .oneof(...shapes.map((shape) => fc.record(mapValues(shape.properties, validValue))))
  .map((event) => ({ ...event }));

function mapValues<T, U>(o: Record<string, T>, f: (v: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}

/** Values where zod refuses some fields: wrong types, NaN, negatives, fractions, unknown words. */
const wrongValue = fc.oneof(
  fc.constantFrom<unknown>(
    NaN,
    Infinity,
    -Infinity,
    -1,
    -0,
    0.5,
    2 ** 53,
    1e21,
    '',
    'x'.repeat(65),
    'not-an-enum-value',
    'host',
    null,
    undefined,
    true,
    [],
    {},
    ['a', 1],
    2,
  ),
  fc.jsonValue(),
);

type Mutation = (event: Record<string, unknown>) => Record<string, unknown>;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // a field of another value (wrong type, NaN, negative, wrong enum word...)
  fc.tuple(fc.nat(), wrongValue).map(([i, value]): Mutation => (e) => {
    const keys = Object.keys(e);
    return { ...e, [keys[i % keys.length]!]: value };
  }),
  // a missing field
  fc.nat().map((i): Mutation => (e) => {
    const copy = { ...e };
    delete copy[Object.keys(e)[i % Object.keys(e).length]!];
    return copy;
  }),
  // an extra field, at the end or first
  fc.tuple(fc.string(), fc.jsonValue(), fc.boolean()).map(
    ([key, value, first]): Mutation =>
      (e) =>
        first ? { [key]: value, ...e } : { ...e, [key]: value },
  ),
  // the same fields in another order
  fc.nat().map((i): Mutation => (e) => {
    const entries = Object.entries(e);
    const [moved] = entries.splice(i % entries.length, 1);
    return Object.fromEntries([...entries, moved!]);
  }),
  // another type word
  fc
    .constantFrom('device.nope', 'run.end', 'host.forward', 'ioapic.eoi')
    .map((type): Mutation => (e) => ({ ...e, type })),
);

/** Deep equality that also compares key order, as a re-serialized trace would. */
function sameData(a: unknown, b: unknown): void {
  expect(a).toStrictEqual(b);
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
}

function checkAgainstZod(event: unknown): void {
  const zod = traceEventSchema.safeParse(event, { error: errorMap });
  const unchanged = zod.success && JSON.stringify(zod.data) === JSON.stringify(event);
  const fast = passesFastCheck(event);
  expect(fast).toBe(
    unchanged && Object.keys(zod.data!).length === Object.keys(event as object).length,
  );
  const out = fastEvents([event]);
  if (zod.success) sameData(out, [zod.data]);
  else expect(out).toBeNull();
}

describe('the fast path for trace events', () => {
  it('has an entry, with the same keys as the zod shape, for every event type', () => {
    expect([...EVENT_FAST_CHECKS.keys()].sort()).toEqual([...EVENT_TYPES].sort());
    for (const schema of eventSchemas) {
      const entry = EVENT_FAST_CHECKS.get(schema.shape.type.value)!;
      expect(entry.keys).toEqual(Object.keys(schema.shape));
      expect(entry.checks).toHaveLength(entry.keys.length);
    }
  });

  it('accepts every valid event of every type, as zod returns it', () => {
    fc.assert(
      fc.property(validEvent, (event) => {
        expect(passesFastCheck(event)).toBe(true);
        checkAgainstZod(event);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts exactly what zod accepts unchanged, for mutated events', () => {
    fc.assert(
      fc.property(validEvent, fc.array(mutation, { minLength: 1, maxLength: 3 }), (event, ms) => {
        checkAgainstZod(ms.reduce<Record<string, unknown>>((e, m) => m(e), event));
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses what is not an event object', () => {
    for (const value of [null, undefined, 1, 'run.end', [], [{ type: 'run.end' }]]) {
      expect(passesFastCheck(value)).toBe(false);
      expect(fastEvents([value])).toBeNull();
    }
    expect(fastEvents([])).toBeNull();
    // Not a plain object: zod returns a plain copy, so the fast path must not pass it on.
    const bare = Object.assign(Object.create(null) as object, {
      seq: 0,
      t: 0,
      type: 'line.poll',
      line: 'a',
    });
    expect(passesFastCheck(bare)).toBe(false);
    sameData(fastEvents([bare]), [{ seq: 0, t: 0, type: 'line.poll', line: 'a' }]);
    expect(fastEvents('events')).toBeNull();
  });

  it("gives zod's data for a list with events zod must strip or reorder", () => {
    fc.assert(
      fc.property(fc.array(validEvent, { minLength: 1, maxLength: 8 }), fc.nat(), (events, i) => {
        const list: Record<string, unknown>[] = events.map((e) => ({ ...e }));
        list[i % list.length] = { extra: 1, ...list[i % list.length] };
        const zod = z.array(traceEventSchema).safeParse(list);
        sameData(fastEvents(list), zod.data);
      }),
      { numRuns: 300 },
    );
  });

  it('parses a trace with mutated events exactly as the full schema does', () => {
    const doc = traceDoc() as { events: Record<string, unknown>[] };
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), mutation), { maxLength: 3 }), (changes) => {
        const events = doc.events.map((e) => ({ ...e }));
        for (const [i, m] of changes) events[i % events.length] = m(events[i % events.length]!);
        const mutated = { ...doc, events };
        const full = traceSchema.safeParse(mutated, { error: errorMap });
        const fast = parseTrace(mutated);
        expect(fast.success).toBe(full.success);
        if (full.success) sameData(fast.data, full.data);
        else expect(fast.error!.issues).toStrictEqual(full.error.issues);
      }),
      { numRuns: 500 },
    );
  });

  it("leaves the trace reader's result as it was: same data, same messages", () => {
    const doc = traceDoc() as { events: Record<string, unknown>[] };
    const viaFast = normalizeTrace(doc);
    expect(viaFast.ok).toBe(true);
    const broken = structuredClone(doc);
    broken.events[1] = { ...broken.events[1], seq: -1 };
    const result = normalizeTrace(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.path).toBe('$.events[1].seq');
  });
});
