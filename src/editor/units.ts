/**
 * Durations shown in a unit a person picks (ns or µs) and always stored in
 * whole nanoseconds, the file format's unit.
 */
export type TimeUnit = 'ns' | 'us';

export const UNIT_NS: Readonly<Record<TimeUnit, number>> = { ns: 1, us: 1000 };
export const UNIT_LABEL: Readonly<Record<TimeUnit, string>> = { ns: 'ns', us: 'µs' };

/** The value in `unit`, without float noise ("1.5", not "1.5000000000000002"). */
export function formatIn(ns: number, unit: TimeUnit): string {
  return String(Number((ns / UNIT_NS[unit]).toFixed(3)));
}

/** The unit a value reads best in: µs for whole microseconds, ns otherwise. */
export function naturalUnit(ns: number): TimeUnit {
  return ns !== 0 && ns % 1000 === 0 ? 'us' : 'ns';
}

export type Parsed = { ok: true; ns: number } | { ok: false; message: string };

/** Text typed in `unit` -> whole nanoseconds, or why it is not a duration. */
export function parseDuration(text: string, unit: TimeUnit): Parsed {
  const trimmed = text.trim().replace(/_/g, '');
  if (trimmed === '') return { ok: false, message: 'Enter a number.' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `"${text}" is not a number.` };
  if (value < 0) return { ok: false, message: 'Must not be negative.' };
  const ns = Math.round(value * UNIT_NS[unit]);
  if (!Number.isSafeInteger(ns)) return { ok: false, message: 'Too large.' };
  return { ok: true, ns };
}

/** A whole number in [min, max], or why not. */
export function parseCount(
  text: string,
  min: number,
  max: number,
): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/_/g, '');
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isInteger(value)) {
    return { ok: false, message: 'Enter a whole number.' };
  }
  if (value < min || value > max) {
    return { ok: false, message: `Must be from ${min} to ${max.toLocaleString('en-US')}.` };
  }
  return { ok: true, value };
}
