/**
 * Zod shapes for every trace event of `src/engine/events.ts`, one per type.
 * Field order follows the interfaces (seq, t, type, then the event's fields)
 * because zod rebuilds objects in shape order, and a re-serialized trace must
 * stay byte-identical.
 */
import { z } from './zod';
import { describeValue, listValues } from './describe-value';
import { bitSchema, countSchema, nsSchema } from './fields';
import { LIMITS } from './limits';

const seq = countSchema(LIMITS.traceEvents, 'events');
const t = nsSchema();
/**
 * Ids in events are checked against the trace's scenario (trace-checks.ts),
 * whose ids are validated in full; a plain string keeps large traces fast.
 */
const id = z.string();
/** Values of `by` fields: "host", "scenario", "hand" or an entity id. */
const actor = z.string().min(1).max(LIMITS.idLength);
const count = countSchema(Number.MAX_SAFE_INTEGER, 'in one count');
const stimulusSource = z.enum(['scenario', 'hand']);

function event<const T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.object({ seq, t, type: z.literal(type), ...shape });
}

export const eventSchemas = [
  event('device.raise', {
    device: id,
    merged: z.boolean(),
    source: z.enum(['scenario', 'traffic', 'hand']),
  }),
  event('device.withdraw', { device: id, raises: count, source: stimulusSource }),
  event('device.enable', { device: id, value: bitSchema(), source: stimulusSource }),
  event('device.intx-disable', {
    device: id,
    value: bitSchema(),
    by: z.enum(['host', 'scenario', 'hand']),
  }),
  event('device.status', { device: id, value: bitSchema() }),
  event('device.pin', { device: id, value: bitSchema() }),
  event('device.service', { device: id, entity: id, isr: id, raises: count }),
  event('line.level', { line: id, value: bitSchema(), device: id }),
  event('line.no-edge', { line: id, device: id }),
  event('line.nobody-cared', { line: id, unhandled: count, window: count }),
  event('line.poll', { line: id }),
  event('ioapic.deliver', { line: id, to: actor }),
  event('msi.deliver', { device: id, vector: count, to: actor }),
  event('ioapic.remote-irr', { line: id, value: bitSchema() }),
  event('ioapic.latch', { line: id }),
  event('ioapic.pending-edge', {
    line: id,
    outcome: z.enum(['kept', 'lost']),
    reason: z.enum(['eoi', 'masked', 'already-latched']),
  }),
  event('ioapic.eoi', { line: id, by: actor }),
  event('ioapic.mask', { line: id, value: bitSchema(), by: actor }),
  event('host.receive', { line: id }),
  event('host.config-read', { device: id, status: bitSchema().nullable(), trusted: z.boolean() }),
  event('host.skip', { device: id, reason: z.literal('in-flight') }),
  event('host.forward', {
    entity: id,
    devices: z.array(id).max(LIMITS.devices),
    device: id.nullable(),
    reason: z.enum(['broadcast', 'status', 'cannot-rule-out', 'still-pending', 'msi']),
  }),
  event('host.unhandled', { line: id }),
  event('host.refuse', {
    device: id.nullable(),
    entity: id.nullable(),
    line: id,
    reason: z.enum(['too-many-guests', 'no-intx-masking', 'intx-hidden']),
  }),
  event('host.eoi-timer', { line: id, inFlight: count }),
  event('host.storm-delay', { device: id, line: id, count, delayNs: count }),
  event('host.eoi', { entity: id, inFlight: countSchema(LIMITS.entities, 'entities in flight') }),
  event('entity.enter', { entity: id, contextSwitch: z.boolean(), device: id.nullable() }),
  event('entity.wait-cpu', { entity: id, waiting: count }),
  event('isr.call', {
    entity: id,
    isr: id,
    device: id.nullable(),
    result: z.enum(['claimed', 'not-mine']),
  }),
  event('entity.spurious', { entity: id }),
  event('entity.nobody-cared', { entity: id, line: id, window: count }),
  event('entity.eoi', { entity: id }),
  event('entity.exit', { entity: id }),
  event('run.end', { reason: z.enum(['idle', 'until', 'event-limit']) }),
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
