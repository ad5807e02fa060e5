/**
 * The fast path for a trace's events: the plain-JS twins of the event schemas
 * (`EVENT_FAST_CHECKS`) instead of zod, which without `new Function` spends
 * about 8 microseconds an event. An event passes only when zod would return
 * it unchanged: every key of its shape, in shape order (zod rebuilds objects
 * in that order), no other key, every value accepted. Any other event is
 * handed to zod alone, which strips, reorders or refuses it exactly as the
 * full schema would.
 */
import { EVENT_FAST_CHECKS, traceEventSchema } from './event-schema';
import { LIMITS } from './limits';
import { errorMap } from './zod-errors';

/** True when zod would return `value` as it is, as an event of its `type`. */
export function passesFastCheck(value: unknown): boolean {
  // zod returns a plain object; JSON.parse makes nothing else, so anything else goes to zod.
  if (typeof value !== 'object' || value === null) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const event = value as Record<string, unknown>;
  const type = event['type'];
  if (typeof type !== 'string') return false;
  const entry = EVENT_FAST_CHECKS.get(type);
  if (entry === undefined) return false;
  const { keys, checks } = entry;
  let i = 0;
  // for-in gives own keys in insertion order (a plain object inherits no enumerable key).
  for (const key in event) {
    if (key !== keys[i] || !checks[i]!(event[key])) return false;
    i++;
  }
  return i === keys.length;
}

/**
 * The events as zod's `z.array(traceEventSchema)` with the trace's length
 * limits would return them, or null when zod would refuse any of them (the
 * caller then runs the full schema for its messages). Returns `events` itself
 * when every event passes the fast check.
 */
export function fastEvents(events: unknown): unknown[] | null {
  if (!Array.isArray(events) || events.length < 1 || events.length > LIMITS.traceEvents) {
    return null;
  }
  let out: unknown[] | null = null;
  for (let i = 0; i < events.length; i++) {
    const event: unknown = events[i];
    if (passesFastCheck(event)) {
      if (out !== null) out.push(event);
      continue;
    }
    const parsed = traceEventSchema.safeParse(event, { error: errorMap });
    if (!parsed.success) return null;
    out ??= events.slice(0, i);
    out.push(parsed.data);
  }
  return out ?? events;
}
