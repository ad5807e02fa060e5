/**
 * The grader: a prepared lesson and a student's answers in, a score out (per
 * checkpoint: expected, given, correct). `solution` writes the reference
 * answers as an answers file the grader accepts, so a teacher can check a
 * lesson before handing it out.
 */
import { normalizeScenario } from '../trace-io';
import type { Answer, Answers, ScenarioPatch } from './model';
import { ANSWERS_FORMAT, SCORE_FORMAT } from './model';
import { checkAct, checkPrediction, type PreparedLesson } from './prepare';
import { applyPatch } from './scenario-source';
import { LessonError } from './lesson-error';

export interface CheckpointScore {
  step: string;
  checkpoint: string;
  kind: 'predict' | 'act' | 'reach';
  /** The engine's figure; for an act checkpoint, what had to hold. */
  expected: number | string;
  given: Answer | null;
  correct: boolean;
  /** Why a wrong answer is wrong, when the lesson names the misconception or the problem. */
  feedback?: string;
}

export interface Score {
  format: typeof SCORE_FORMAT;
  version: 1;
  lesson: string;
  seed: number;
  score: number;
  maximum: number;
  passed: boolean;
  checkpoints: CheckpointScore[];
}

function actScenario(base: PreparedLesson['steps'][number], given: Answer) {
  if (typeof given === 'number')
    return { error: 'expected {"patch": {...}} or {"scenario": {...}}, got a number' };
  if ('patch' in given) {
    try {
      return { scenario: applyPatch(base.scenario, given.patch, base.params, '$.patch') };
    } catch (error) {
      if (error instanceof LessonError) return { error: `${error.path}: ${error.message}` };
      throw error;
    }
  }
  const parsed = normalizeScenario(given.scenario);
  if (parsed.ok) return { scenario: parsed.value };
  const first = parsed.errors[0]!;
  return { error: `the scenario is not valid: ${first.path}: ${first.message}` };
}

export function grade(prepared: PreparedLesson, answers: Answers): Score {
  const checkpoints: CheckpointScore[] = [];
  for (const step of prepared.steps) {
    const given = answers.answers[step.step.id] ?? {};
    for (const cp of step.checkpoints) {
      const c = cp.checkpoint;
      const answer = Object.hasOwn(given, c.id) ? given[c.id]! : null;
      // One shape per entry, in a fixed key order: expected before given.
      const put = (expected: number | string, correct: boolean, feedback?: string) => {
        const entry: CheckpointScore = {
          step: step.step.id,
          checkpoint: c.id,
          kind: c.kind,
          expected,
          given: answer,
          correct,
        };
        if (feedback !== undefined) entry.feedback = feedback;
        checkpoints.push(entry);
      };
      if ('expected' in cp) {
        const expected = cp.expected;
        if (typeof answer !== 'number') {
          put(expected, false, answer === null ? 'no answer' : 'expected a number');
        } else if ('stop' in cp) {
          const verdict = checkPrediction(cp, answer);
          put(
            expected,
            verdict.correct,
            verdict.correct ? undefined : verdict.misconception?.feedback,
          );
        } else {
          put(expected, answer === expected);
        }
        continue;
      }
      const expected = 'the condition holds on the run';
      if (answer === null) {
        put(expected, false, 'no answer');
        continue;
      }
      const made = actScenario(step, answer);
      if (!made.scenario) {
        put(expected, false, made.error);
        continue;
      }
      const result = checkAct(step, cp, made.scenario);
      put(expected, result.done, result.reason ?? undefined);
    }
  }
  const score = checkpoints.filter((c) => c.correct).length;
  return {
    format: SCORE_FORMAT,
    version: 1,
    lesson: prepared.lesson.id,
    seed: prepared.seed,
    score,
    maximum: checkpoints.length,
    passed: score === checkpoints.length,
    checkpoints,
  };
}

/** The reference answers for this seed: the engine's figures and each act's declared solution. */
export function solution(prepared: PreparedLesson): Answers {
  const answers: Record<string, Record<string, Answer>> = {};
  for (const step of prepared.steps) {
    const own: Record<string, Answer> = {};
    for (const cp of step.checkpoints) {
      own[cp.checkpoint.id] =
        'expected' in cp
          ? cp.expected
          : { patch: (cp.checkpoint as { solution: ScenarioPatch }).solution };
    }
    answers[step.step.id] = own;
  }
  return {
    format: ANSWERS_FORMAT,
    version: 1,
    lesson: prepared.lesson.id,
    seed: prepared.seed,
    answers,
  };
}
