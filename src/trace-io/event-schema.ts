/**
 * Zod shapes for every trace event of `src/engine/events.ts`, one per type.
 * Field order follows the interfaces (seq, t, type, then the event's fields)
 * because zod rebuilds objects in shape order, and a re-serialized trace must
 * stay byte-identical.
 *
 * Every field is built with its plain-JS twin (`fast-checks.ts`), and
 * `event()` records the event's keys and twins in `EVENT_FAST_CHECKS`, so the
 * fast path of `event-fast-path.ts` is derived from these same definitions.
 */
import { z } from './zod';
import { describeValue, listValues } from './describe-value';
import {
  checked,
  checkOf,
  isArrayOf,
  isBoolean,
  isIntIn,
  isNumberIn,
  isOneOf,
  isStringOfLength,
  orNull,
  type Check,
} from './fast-checks';
import { bitSchema, countSchema, nsSchema } from './fields';
import { LIMITS } from './limits';

const seq = checked(countSchema(LIMITS.traceEvents, 'events'), isIntIn(0, LIMITS.traceEvents));
const t = checked(nsSchema(), isNumberIn(0, LIMITS.timeNs));
/**
 * Ids in events are checked against the trace's scenario (trace-checks.ts),
 * whose ids are validated in full; a plain string keeps large traces fast.
 */
const id = checked(z.string(), isStringOfLength());
/** Values of `by` fields: "host", "scenario", "hand" or an entity id. */
const actor = checked(z.string().min(1).max(LIMITS.idLength), isStringOfLength(1, LIMITS.idLength));
const count = checked(
  countSchema(Number.MAX_SAFE_INTEGER, 'in one count'),
  isIntIn(0, Number.MAX_SAFE_INTEGER),
);
const bool = checked(z.boolean(), isBoolean);

function bit() {
  return checked(bitSchema(), isOneOf([0, 1]));
}

function oneOf<const V extends readonly [string, ...string[]]>(values: V) {
  return checked(z.enum(values), isOneOf(values));
}

function nullable<T extends z.ZodType>(schema: T) {
  return checked(schema.nullable(), orNull(checkOf(schema)));
}

const stimulusSource = oneOf(['scenario', 'hand']);

/** The keys of one event type in shape order, and the twin of each. */
export interface EventFastCheck {
  readonly keys: readonly string[];
  readonly checks: readonly Check[];
}

/** Filled by `event()`: one entry per event type. */
export const EVENT_FAST_CHECKS = new Map<string, EventFastCheck>();

function event<const T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  const schema = z.object({ seq, t, type: z.literal(type), ...shape });
  const fields: Record<string, z.core.$ZodType> = schema.shape;
  const keys = Object.keys(fields);
  const checks = keys.map((key) =>
    key === 'type' ? (v: unknown) => v === type : checkOf(fields[key]!),
  );
  EVENT_FAST_CHECKS.set(type, { keys, checks });
  return schema;
}

export const eventSchemas = [
  event('device.raise', {
    device: id,
    merged: bool,
    source: oneOf(['scenario', 'traffic', 'hand']),
  }),
  event('device.withdraw', { device: id, raises: count, source: stimulusSource }),
  event('device.enable', { device: id, value: bit(), source: stimulusSource }),
  event('device.intx-disable', {
    device: id,
    value: bit(),
    by: oneOf(['host', 'scenario', 'hand']),
  }),
  event('device.status', { device: id, value: bit() }),
  event('device.pin', { device: id, value: bit() }),
  event('device.service', { device: id, entity: id, isr: id, raises: count }),
  event('line.level', { line: id, value: bit(), device: id }),
  event('line.no-edge', { line: id, device: id }),
  event('line.nobody-cared', { line: id, unhandled: count, window: count }),
  event('line.poll', { line: id }),
  event('ioapic.deliver', { line: id, to: actor }),
  event('msi.deliver', { device: id, vector: count, to: actor }),
  event('ioapic.remote-irr', { line: id, value: bit() }),
  event('ioapic.latch', { line: id }),
  event('ioapic.pending-edge', {
    line: id,
    outcome: oneOf(['kept', 'lost']),
    reason: oneOf(['eoi', 'masked', 'already-latched']),
  }),
  event('ioapic.eoi', { line: id, by: actor }),
  event('ioapic.mask', { line: id, value: bit(), by: actor }),
  event('host.receive', { line: id }),
  event('host.config-read', { device: id, status: nullable(bit()), trusted: bool }),
  event('host.skip', {
    device: id,
    reason: checked(z.literal('in-flight'), isOneOf(['in-flight'])),
  }),
  event('host.forward', {
    entity: id,
    devices: checked(z.array(id).max(LIMITS.devices), isArrayOf(checkOf(id), LIMITS.devices)),
    device: nullable(id),
    reason: oneOf(['broadcast', 'status', 'cannot-rule-out', 'still-pending', 'msi']),
  }),
  event('host.unhandled', { line: id }),
  event('host.refuse', {
    device: nullable(id),
    entity: nullable(id),
    line: id,
    reason: oneOf(['too-many-guests', 'no-intx-masking', 'intx-hidden']),
  }),
  event('host.eoi-timer', { line: id, inFlight: count }),
  event('host.storm-delay', { device: id, line: id, count, delayNs: count }),
  event('host.eoi', {
    entity: id,
    inFlight: checked(
      countSchema(LIMITS.entities, 'entities in flight'),
      isIntIn(0, LIMITS.entities),
    ),
  }),
  event('entity.enter', { entity: id, contextSwitch: bool, device: nullable(id) }),
  event('entity.wait-cpu', { entity: id, waiting: count }),
  event('isr.call', {
    entity: id,
    isr: id,
    device: nullable(id),
    result: oneOf(['claimed', 'not-mine']),
  }),
  event('entity.spurious', { entity: id }),
  event('entity.nobody-cared', { entity: id, line: id, window: count }),
  event('entity.poll', { entity: id, line: id }),
  event('entity.eoi', { entity: id }),
  event('entity.exit', { entity: id }),
  event('run.end', { reason: oneOf(['idle', 'until', 'event-limit']) }),
] as const;

/** The event types this reader knows, in schema order (a test keeps it equal to EVENT_TYPES). */
export const SCHEMA_EVENT_TYPES = eventSchemas.map((s) => s.shape.type.value);

/** One trace event, chosen by its `type`. */
export const traceEventSchema = z.discriminatedUnion('type', eventSchemas, {
  error: (issue) => {
    if (issue.code !== 'invalid_union') return undefined;
    const input = issue.input as { type?: unknown } | undefined;
    if (input?.type === undefined) {
      return 'required field is missing (expected an event type such as "device.raise")';
    }
    if (typeof input.type !== 'string') {
      return `expected an event type such as "device.raise", got ${describeValue(input.type)}`;
    }
    return `unknown event type ${describeValue(input.type)} (known: ${listValues(SCHEMA_EVENT_TYPES.slice(0, 4))}, ...)`;
  },
});
