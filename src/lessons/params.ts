/**
 * Seeded variants: each attempt draws a step's parameters from its declared
 * ranges. One random stream per step (mixed from the attempt's seed and the
 * step id), so adding a step never changes the numbers of another.
 */
import { nextRandom, seedState } from '../engine/prng';
import type { LessonStep, NumberOrParam } from './model';
import { LessonError } from './lesson-error';

export type ParamValues = Readonly<Record<string, number>>;

/** FNV-1a: a stable 32-bit hash of the step id, to give each step its own stream. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The step's parameters for this seed, drawn in the order the file declares them. */
export function drawParams(step: LessonStep, seed: number): ParamValues {
  let state = seedState((seed ^ hashText(step.id)) >>> 0);
  const values: Record<string, number> = {};
  for (const [name, range] of Object.entries(step.params)) {
    const [next, u] = nextRandom(state);
    state = next;
    values[name] = range.min + Math.floor(u * (range.max - range.min + 1));
  }
  return values;
}

/** A number of the lesson, or the drawn value of the parameter it names. */
export function resolveNumber(value: NumberOrParam, params: ParamValues, path: string): number {
  if (typeof value === 'number') return value;
  const drawn = params[value.param];
  if (drawn === undefined) throw new LessonError(path, `unknown parameter "${value.param}"`);
  return drawn;
}
