/**
 * Over-long arrays are cut before the full schema runs. The schema checks
 * their length too, but only after reading every element: a file with a
 * million VMs would keep the reader busy for seconds just to be told "at most
 * 1,024". Cut to one past the limit, the array still fails the schema's own
 * check (so the other problems of the file are reported as before), and the
 * message is then given the real length.
 */
import { LIMITS } from './limits';
import { jsonPath, type FormatError } from './result';

type Limit = readonly [key: string, max: number, what: string];

const SCENARIO_ARRAYS: readonly Limit[] = [
  ['lines', LIMITS.lines, 'lines'],
  ['devices', LIMITS.devices, 'devices'],
  ['entities', LIMITS.entities, 'entities'],
  ['stimuli', LIMITS.stimuli, 'stimuli'],
  ['traffic', LIMITS.trafficEntries, 'traffic entries'],
];
const TRACE_ARRAYS: readonly Limit[] = [['events', LIMITS.traceEvents, 'events']];

export interface Trimmed {
  /** The document with every over-long array cut to one past its limit. */
  doc: unknown;
  /** The true message for each cut array, by JSON path. */
  messages: Map<string, string>;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function trim(doc: unknown, limits: readonly Limit[], at: string[], out: Map<string, string>) {
  if (!isObject(doc)) return doc;
  let copy: JsonObject | null = null;
  for (const [key, max, what] of limits) {
    const value = doc[key];
    if (!Array.isArray(value) || value.length <= max) continue;
    copy ??= { ...doc };
    copy[key] = value.slice(0, max + 1);
    const count = value.length.toLocaleString('en-US');
    out.set(
      jsonPath([...at, key]),
      `at most ${max.toLocaleString('en-US')} ${what} are supported (got ${count})`,
    );
  }
  return copy ?? doc;
}

export function trimScenario(doc: unknown): Trimmed {
  const messages = new Map<string, string>();
  return { doc: trim(doc, SCENARIO_ARRAYS, [], messages), messages };
}

export function trimTrace(doc: unknown): Trimmed {
  const messages = new Map<string, string>();
  let trimmed = trim(doc, TRACE_ARRAYS, [], messages);
  if (isObject(trimmed)) {
    const scenario = trim(trimmed['scenario'], SCENARIO_ARRAYS, ['scenario'], messages);
    if (scenario !== trimmed['scenario']) trimmed = { ...trimmed, scenario };
  }
  return { doc: trimmed, messages };
}

/** The schema's errors, with the length errors of cut arrays telling the real length. */
export function withTrueLengths(errors: FormatError[], messages: Map<string, string>) {
  if (messages.size === 0) return errors;
  return errors.map((e) => {
    const message = messages.get(e.path);
    return message !== undefined && e.message.startsWith('at most ') ? { ...e, message } : e;
  });
}
