/**
 * Plain-JS twins of zod field schemas. Without `new Function` (the worker's
 * CSP) zod checks a 100 MB trace in about 10 s; these checks say only "valid
 * or not", which is all the common case needs. Each twin is attached to the
 * very schema object it mirrors, so a shape built from these fields has a
 * check for every field or fails when the module loads (`checkOf`).
 */
import type { z } from './zod';

/** True when zod would accept `value` unchanged (same value out as in). */
export type Check = (value: unknown) => boolean;

const twins = new WeakMap<z.core.$ZodType, Check>();

/** Records `check` as the plain-JS twin of `schema` and returns the schema. */
export function checked<T extends z.core.$ZodType>(schema: T, check: Check): T {
  twins.set(schema, check);
  return schema;
}

/** The twin of `schema`; a schema without one is a programming error, found at load time. */
export function checkOf(schema: z.core.$ZodType): Check {
  const check = twins.get(schema);
  if (check === undefined) throw new Error('field schema has no plain-JS check');
  return check;
}

/** `z.int().min(min).max(max)`: zod's int is a safe integer. */
export function isIntIn(min: number, max: number): Check {
  return (v) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
}

/** `z.number().min(0).max(max)`: zod's number refuses NaN and the infinities. */
export function isNumberIn(min: number, max: number): Check {
  return (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
}

/** `z.string()`, optionally with `.min(min).max(max)` on its UTF-16 length as zod counts it. */
export function isStringOfLength(min = 0, max = Infinity): Check {
  return (v) => typeof v === 'string' && v.length >= min && v.length <= max;
}

/** `z.literal([...])` and `z.enum([...])`: one of a few primitive values. */
export function isOneOf(values: readonly unknown[]): Check {
  return (v) => values.includes(v);
}

export const isBoolean: Check = (v) => typeof v === 'boolean';

/** `schema.nullable()`. */
export function orNull(check: Check): Check {
  return (v) => v === null || check(v);
}

/** `z.array(item).max(max)`. */
export function isArrayOf(item: Check, max: number): Check {
  return (v) => {
    if (!Array.isArray(v) || v.length > max) return false;
    // An index loop, not `every`: a hole is `undefined` to zod and must fail.
    for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
    return true;
  };
}
