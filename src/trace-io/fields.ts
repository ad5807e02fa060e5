/**
 * Zod building blocks shared by the scenario, event and summary schemas, each
 * with a message that names the limit so a user can fix the file.
 */
import { z } from './zod';
import { describeValue } from './describe-value';
import { LIMITS } from './limits';

/** Keys that would vanish or misbehave as keys of plain-object records (summary maps). */
const RESERVED_IDS = new Set(['__proto__']);

/** An id of a device, entity, line or ISR. */
export function idSchema() {
  return z
    .string()
    .min(1, { error: 'must not be empty' })
    .max(LIMITS.idLength, { error: `must be at most ${LIMITS.idLength} characters` })
    .refine((id) => !RESERVED_IDS.has(id), {
      error: (iss) => `${describeValue(iss.input)} is reserved`,
    });
}

/**
 * Words the trace uses as actors beside entity ids (`ioapic.deliver.to`,
 * `ioapic.eoi.by`, `ioapic.mask.by`): an entity named so would be mistaken for them.
 */
export const RESERVED_ENTITY_IDS: readonly string[] = ['host', 'nobody-cared'];

/** An entity id: an id that is not one of the trace's actor words. */
export function entityIdSchema() {
  return idSchema().refine((id) => !RESERVED_ENTITY_IDS.includes(id), {
    error: (iss) =>
      `${describeValue(iss.input)} is reserved: the trace uses it for ${iss.input === 'host' ? 'the host' : "Linux's nobody-cared detector"}; choose another entity id`,
  });
}

/** A simulated time or duration in nanoseconds: finite, not negative. */
export function nsSchema() {
  return z
    .number()
    .min(0, { error: (iss) => `must not be negative (got ${describeValue(iss.input)})` })
    .max(LIMITS.timeNs, {
      error: (iss) => `must be at most ${LIMITS.timeNs} ns (got ${describeValue(iss.input)})`,
    });
}

/** A whole number from `min` to `max`; `what` names it in the message. */
export function countSchema(max: number, what: string, min = 0) {
  return z
    .int()
    .min(min, {
      error: (iss) => `must be at least ${min} (got ${describeValue(iss.input)})`,
    })
    .max(max, {
      error: (iss) =>
        `at most ${max.toLocaleString('en-US')} ${what} (got ${describeValue(iss.input)})`,
    });
}

/** An array with an upper length limit that names the thing being limited. */
export function limitedArray<T extends z.ZodType>(item: T, max: number, what: string) {
  return z.array(item).max(max, {
    error: (iss) => {
      const got = Array.isArray(iss.input) ? iss.input.length.toLocaleString('en-US') : '?';
      return `at most ${max.toLocaleString('en-US')} ${what} are supported (got ${got})`;
    },
  });
}

/** A register bit or gate output. */
export function bitSchema() {
  return z.literal([0, 1]);
}
