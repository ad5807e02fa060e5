/**
 * The lesson flags of the command line: `--lesson FILE|NAME` with
 * `--answers FILE` (grade) or `--solution` (print the reference answers),
 * `--seed N` for the variant, and `--list-lessons`.
 */
import type { CliOptions } from './args';

const SEED = /^\d{1,10}$/;
const MAX_SEED = 0xffff_ffff;

/** Stores one lesson flag's value; returns the problem, or null when it is fine. */
export function lessonOption(flag: string, value: string | null, o: CliOptions): string | null {
  if (flag === '--lesson') {
    if (value === null) return '--lesson needs a lesson file or name (see --list-lessons)';
    o.lesson = value;
  } else if (flag === '--answers') {
    if (value === null) return '--answers needs a file name';
    o.answers = value;
  } else {
    if (value === null || !SEED.test(value) || Number(value) > MAX_SEED) {
      return `--seed needs a whole number from 0 to ${MAX_SEED}`;
    }
    o.seed = Number(value);
  }
  return null;
}

/**
 * undefined: no lesson flag was given (the scenario rules apply); null: a
 * valid lesson command; a string: what is wrong with it.
 */
export function checkLessonOptions(o: CliOptions): string | null | undefined {
  const lessonFlags = o.answers !== null || o.solution || o.seed !== null;
  if (o.listLessons) {
    return o.lesson !== null || lessonFlags ? '--list-lessons takes no other lesson flag' : null;
  }
  if (o.lesson === null) {
    return lessonFlags ? '--answers, --solution and --seed need --lesson FILE|NAME' : undefined;
  }
  const scenarioFlags =
    o.scenarioFile !== null ||
    o.preset !== null ||
    o.fromLspci !== null ||
    o.fromProcInterrupts !== null;
  const runFlags =
    o.policy !== null || o.host !== null || o.summary || o.out !== null || o.vcd !== null;
  if (scenarioFlags || runFlags)
    return '--lesson runs its own scenarios: no scenario, preset or run flags with it';
  if (o.solution === (o.answers !== null)) {
    return '--lesson needs either --answers answers.json (to grade) or --solution (to print the reference answers)';
  }
  return null;
}
