/**
 * Declared paths read against a run: which events match, where the player
 * stops, and the figure a value path names. Everything here is a function
 * of the run; an event that never happens or a path that names nothing is a
 * LessonError with the JSON path of the lesson field at fault.
 */
import type { TraceEvent } from '../engine/events';
import { LessonError, childPath } from './lesson-error';
import type { Condition, EventMatch, Relation, ValuePath } from './model';
import type { RunContext } from './run-context';

export type Value = number | string | boolean | null;

export function matches(event: TraceEvent, match: EventMatch): boolean {
  if (event.type !== match.type) return false;
  const fields = event as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(match.where)) {
    if (!Object.hasOwn(fields, key) || fields[key] !== value) return false;
  }
  return true;
}

function describeMatch(match: EventMatch): string {
  const where = Object.entries(match.where)
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
    .join(', ');
  const which = match.nth === 1 ? 'a' : `event number ${match.nth} of`;
  return `${which} "${match.type}"${where ? ` with ${where}` : ''}`;
}

/** Index of the `nth` event matching at or after `from`, or null. */
export function findEvent(
  events: readonly TraceEvent[],
  match: EventMatch,
  from = 0,
): number | null {
  let seen = 0;
  for (let i = from; i < events.length; i++) {
    if (matches(events[i]!, match) && ++seen === match.nth) return i;
  }
  return null;
}

/** Like findEvent, but an event that never happens is the lesson's mistake. */
export function requireEvent(
  events: readonly TraceEvent[],
  match: EventMatch,
  path: string,
  from = 0,
): number {
  const index = findEvent(events, match, from);
  if (index === null) {
    throw new LessonError(
      path,
      `the run has no ${describeMatch(match)} (it has ${events.length} events)`,
    );
  }
  return index;
}

/** Reads `a.b.c` in a plain value; only own properties (arrays have `length`). */
export function readDotted(root: unknown, dotted: string, path: string): Value {
  let value: unknown = root;
  for (const key of dotted.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) {
      throw new LessonError(path, `"${dotted}" names nothing in the run (no "${key}")`);
    }
    value = (value as Record<string, unknown>)[key];
  }
  if (value === null || ['number', 'string', 'boolean'].includes(typeof value))
    return value as Value;
  if (Array.isArray(value)) return value.length;
  throw new LessonError(path, `"${dotted}" names a group of figures, not one figure`);
}

function numberOf(value: Value, path: string): number {
  if (typeof value !== 'number') {
    throw new LessonError(path, `expected a number here, the run gives ${JSON.stringify(value)}`);
  }
  return value;
}

const OPS = {
  add: (a: number, b: number) => a + b,
  sub: (a: number, b: number) => a - b,
  mul: (a: number, b: number) => a * b,
  div: (a: number, b: number) => a / b,
};

/** The figure `value` names in `run`; `path` is the value's JSON path in the lesson. */
export function evaluate(value: ValuePath, run: RunContext, path: string): Value {
  if ('summary' in value) {
    if (!value.at) return readDotted(run.summary, value.summary, childPath(path, 'summary'));
    const cursor = requireEvent(run.events, value.at, childPath(path, 'at'));
    return readDotted(run.summaryAt(cursor), value.summary, childPath(path, 'summary'));
  }
  if ('count' in value) {
    const from = value.from ? requireEvent(run.events, value.from, childPath(path, 'from')) : 0;
    const to = value.to
      ? (findEvent(run.events, value.to, from + 1) ?? run.events.length)
      : run.events.length;
    let count = 0;
    for (let i = from; i < to; i++)
      if (matches(run.events[i]!, { ...value.count, nth: 1 })) count++;
    return count;
  }
  if ('field' in value) {
    const index = requireEvent(run.events, value.of, childPath(path, 'of'));
    return readDotted(run.events[index], value.field, childPath(path, 'field'));
  }
  if ('view' in value) {
    let cursor = run.events.length;
    if (value.after) cursor = requireEvent(run.events, value.after, childPath(path, 'after')) + 1;
    else if (value.before)
      cursor = requireEvent(run.events, value.before, childPath(path, 'before'));
    return readDotted(run.viewAt(cursor), value.view, childPath(path, 'view'));
  }
  if ('scenario' in value)
    return readDotted(run.scenario, value.scenario, childPath(path, 'scenario'));
  if ('param' in value) {
    const drawn = run.params[value.param];
    if (drawn === undefined) throw new LessonError(path, `unknown parameter "${value.param}"`);
    return drawn;
  }
  if ('const' in value) return value.const;
  if ('op' in value) {
    const args = childPath(path, 'args');
    const a = numberOf(evaluate(value.args[0], run, childPath(args, 0)), childPath(args, 0));
    const b = numberOf(evaluate(value.args[1], run, childPath(args, 1)), childPath(args, 1));
    if (value.op === 'div' && b === 0)
      throw new LessonError(childPath(args, 1), 'divides by zero in this run');
    return OPS[value.op](a, b);
  }
  return evaluate(
    value.value,
    run.under(value.under, childPath(path, 'under')),
    childPath(path, 'value'),
  );
}

export function evaluateNumber(value: ValuePath, run: RunContext, path: string): number {
  return numberOf(evaluate(value, run, path), path);
}

function related(a: Value, is: Relation, b: Value): boolean {
  if (is === 'eq') return a === b;
  if (is === 'ne') return a !== b;
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  if (is === 'lt') return a < b;
  if (is === 'le') return a <= b;
  if (is === 'gt') return a > b;
  return a >= b;
}

export function holds(condition: Condition, run: RunContext, path: string): boolean {
  if ('all' in condition) {
    return condition.all.every((c, i) => holds(c, run, childPath(childPath(path, 'all'), i)));
  }
  const a = evaluate(condition.value, run, childPath(path, 'value'));
  const b = evaluate(condition.than, run, childPath(path, 'than'));
  return related(a, condition.is, b);
}
