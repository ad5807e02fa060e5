import type { Summary } from '../engine/summary-types';
import type { Frame } from '../protocol/api';

/** Deep equality of plain data (numbers, strings, booleans, null, arrays, plain objects). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k, i) => k === kb[i] && sameData(ra[k], rb[k]));
}

/**
 * `next`, or `prev` when it holds the same data; a record whose entries
 * changed only in part keeps the unchanged entries' old objects, so a row
 * memoized on its entry re-renders only when its own numbers changed.
 */
function shareRecord<T>(prev: Record<string, T>, next: Record<string, T>): Record<string, T> {
  if (sameData(prev, next)) return prev;
  const keys = Object.keys(next);
  if (!sameData(Object.keys(prev), keys)) return next;
  const out: Record<string, T> = {};
  for (const k of keys) out[k] = sameData(prev[k], next[k]) ? prev[k]! : next[k]!;
  return out;
}

function shareSummary(prev: Summary | undefined, next: Summary | undefined): Summary | undefined {
  if (!prev || !next) return next;
  const totals = sameData(prev.totals, next.totals) ? prev.totals : next.totals;
  const entities = shareRecord(prev.entities, next.entities);
  const devices = shareRecord(prev.devices, next.devices);
  if (totals === prev.totals && entities === prev.entities && devices === prev.devices) return prev;
  return { totals, entities, devices };
}

/**
 * `next` with the parts that hold the same data as in `prev` replaced by
 * `prev`'s objects. Every frame arrives as a new copy from the worker; with
 * the old objects kept, a memoized panel section that shows an unchanged
 * part does not re-render.
 */
export function shareFrame(prev: Frame | null, next: Frame): Frame {
  if (!prev || !next.summary) return next;
  const summary = shareSummary(prev.summary, next.summary);
  return summary === next.summary ? next : { ...next, summary };
}
