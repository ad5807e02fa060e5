/**
 * Reading lesson and answers files, in the same stages as scenarios: JSON
 * syntax, envelope, version (newer refused, older upgraded), full validation.
 * None of these functions throws on bad input.
 */
import type * as z from 'zod';
import type { Answers, Lesson } from '../lessons/model';
import { upgradeDocument, type FormatSpec } from './envelope';
import { parseJsonText } from './json-text';
import { capErrors, guarded, jsonPath, ok, prefixPath, type ParseResult } from './result';
import type { FormatError } from './result';
import { answersSchema, lessonSchema } from './lesson-schema';
import { describeValue } from './describe-value';
import { errorMap } from './zod-errors';
import {
  ANSWERS_SPEC,
  LESSON_SPEC,
  SCENARIO_SPEC_FOR_HINTS,
  TRACE_SPEC_FOR_HINTS,
} from './known-formats';

export { ANSWERS_SPEC, LESSON_SPEC };

const KNOWN: readonly FormatSpec[] = [
  SCENARIO_SPEC_FOR_HINTS,
  TRACE_SPEC_FOR_HINTS,
  LESSON_SPEC,
  ANSWERS_SPEC,
];

type Issue = z.core.$ZodIssue;

/** Depth of the shallowest issue of a union branch: the branch that got furthest is the one meant. */
function reach(issues: readonly Issue[]): number {
  let least = Infinity;
  for (const issue of issues) {
    const own = issue.code === 'unrecognized_keys' ? issue.path.length - 0.5 : issue.path.length;
    least = Math.min(least, own);
  }
  return least;
}

/**
 * A union failure lists every branch's problems; a person meant one branch.
 * The branch whose problems sit deepest is reported (its key was right),
 * unless every branch fails at the top, where the union's own message says
 * which forms are allowed.
 */
function flatten(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const tagged = issue as { discriminator?: string; options?: unknown[]; input?: unknown };
  if (tagged.discriminator !== undefined) {
    // A discriminated union (checkpoints, by kind): name the allowed kinds.
    const input = tagged.input;
    const value =
      typeof input === 'object' && input !== null
        ? (input as Record<string, unknown>)[tagged.discriminator]
        : input;
    const options = (tagged.options ?? []).map((o) => JSON.stringify(o)).join(', ');
    return [{ ...issue, message: `expected one of ${options}, got ${describeValue(value)}` }];
  }
  if (issue.errors.length === 0) return [issue];
  let best: readonly Issue[] | null = null;
  let bestReach = 0;
  for (const branch of issue.errors) {
    const r = reach(branch);
    if (r > bestReach || (r === bestReach && best !== null && branch.length < best.length)) {
      best = branch;
      bestReach = r;
    }
  }
  if (best === null || bestReach < 1) return [issue];
  return best.flatMap((inner) =>
    flatten({ ...inner, path: [...issue.path, ...inner.path] } as Issue),
  );
}

function toErrors(issues: readonly Issue[]): FormatError[] {
  return capErrors(
    issues.flatMap(flatten).map((issue) => ({
      path: jsonPath(issue.path),
      message: issue.message || 'invalid value',
    })),
  );
}

/** Validates an already-parsed, already-upgraded lesson and fills defaults. */
export function normalizeLesson(input: unknown): ParseResult<Lesson> {
  return guarded(() => {
    const result = lessonSchema.safeParse(input, { error: errorMap });
    return result.success ? ok(result.data) : { ok: false, errors: toErrors(result.error.issues) };
  });
}

export function normalizeAnswers(input: unknown): ParseResult<Answers> {
  return guarded(() => {
    const result = answersSchema.safeParse(input, { error: errorMap });
    return result.success ? ok(result.data) : { ok: false, errors: toErrors(result.error.issues) };
  });
}

/** A lesson document already parsed from JSON (a link, a drop), at `at` in its container. */
export function readLessonValue(value: unknown, at = '$'): ParseResult<Lesson> {
  return guarded(() => {
    const doc = upgradeDocument(value, LESSON_SPEC, KNOWN, at);
    if (!doc.ok) return doc;
    const lesson = normalizeLesson(doc.value);
    if (lesson.ok) return lesson;
    return {
      ok: false,
      errors: lesson.errors.map((e) => ({ ...e, path: prefixPath(at, e.path) })),
    };
  });
}

export function parseLessonText(text: string, fileName?: string): ParseResult<Lesson> {
  return guarded(() => {
    const json = parseJsonText(text, fileName);
    return json.ok ? readLessonValue(json.value) : json;
  });
}

export function parseAnswersText(text: string, fileName?: string): ParseResult<Answers> {
  return guarded(() => {
    const json = parseJsonText(text, fileName);
    if (!json.ok) return json;
    const doc = upgradeDocument(json.value, ANSWERS_SPEC, KNOWN);
    return doc.ok ? normalizeAnswers(doc.value) : doc;
  });
}
