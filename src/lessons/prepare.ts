/**
 * A lesson made ready for one attempt: each step's parameters drawn from the
 * seed, its scenario built and run by the engine, and every checkpoint's
 * expected figure read from that run. Both the Learn workspace and the
 * grader start here, so the page and `npm run sim -- --lesson` agree.
 */
import type { Scenario } from '../engine/scenario';
import type { FormatError, ParseResult } from '../trace-io/result';
import { evaluate, evaluateNumber, findEvent, holds, requireEvent } from './evaluate';
import { LessonError, childPath } from './lesson-error';
import type {
  ActCheckpoint,
  Checkpoint,
  Lesson,
  LessonStep,
  PredictCheckpoint,
  ReachCheckpoint,
} from './model';
import { drawParams, type ParamValues } from './params';
import { runContext, type RunContext } from './run-context';
import { buildScenario } from './scenario-source';

export interface PreparedMisconception {
  id: string;
  /** Null when the misconception's figure does not exist in this run (it is then never matched). */
  value: number | null;
  feedback: string;
}

export interface PreparedPredict {
  checkpoint: PredictCheckpoint;
  expected: number;
  /** The player may not go past this cursor until the question is answered. */
  stop: number;
  misconceptions: PreparedMisconception[];
}

export interface PreparedReach {
  checkpoint: ReachCheckpoint;
  /** The cursor just after the event: reached once the player gets there. */
  expected: number;
}

export interface PreparedAct {
  checkpoint: ActCheckpoint;
}

export type PreparedCheckpoint = PreparedPredict | PreparedReach | PreparedAct;

export interface PreparedStep {
  step: LessonStep;
  params: ParamValues;
  scenario: Scenario;
  eventCount: number;
  checkpoints: PreparedCheckpoint[];
}

export interface PreparedLesson {
  lesson: Lesson;
  seed: number;
  steps: PreparedStep[];
}

/** Answers this close are the same figure (ratios and means are not whole). */
const EPSILON = 1e-9;

export function sameFigure(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance + EPSILON * Math.max(1, Math.abs(b));
}

function prepareCheckpoint(cp: Checkpoint, run: RunContext, path: string): PreparedCheckpoint {
  if (cp.kind === 'predict') {
    const expected = evaluateNumber(cp.answer, run, childPath(path, 'answer'));
    const stopPath = childPath(path, 'stop');
    const stop =
      'before' in cp.stop
        ? requireEvent(run.events, cp.stop.before, childPath(stopPath, 'before'))
        : requireEvent(run.events, cp.stop.after, childPath(stopPath, 'after')) + 1;
    if (cp.choices && !cp.choices.some((c) => sameFigure(c.value, expected, cp.tolerance))) {
      throw new LessonError(
        childPath(path, 'choices'),
        `no choice is the engine's answer (${expected}) in this run`,
      );
    }
    const misconceptions = cp.misconceptions.map((m, i) => {
      let value: number | null = null;
      try {
        const v = evaluate(m.value, run, childPath(childPath(path, 'misconceptions'), i));
        value = typeof v === 'number' ? v : null;
      } catch (error) {
        if (!(error instanceof LessonError)) throw error;
      }
      return { id: m.id, value, feedback: m.feedback };
    });
    return { checkpoint: cp, expected, stop, misconceptions };
  }
  if (cp.kind === 'reach') {
    return {
      checkpoint: cp,
      expected: requireEvent(run.events, cp.event, childPath(path, 'event')) + 1,
    };
  }
  return { checkpoint: cp };
}

export function prepareStep(step: LessonStep, seed: number, path: string): PreparedStep {
  const params = drawParams(step, seed);
  const scenario = buildScenario(step.scenario, params, childPath(path, 'scenario'));
  const run = runContext(scenario, params);
  const checkpoints = step.checkpoints.map((cp, i) =>
    prepareCheckpoint(cp, run, childPath(childPath(path, 'checkpoints'), i)),
  );
  return { step, params, scenario, eventCount: run.events.length, checkpoints };
}

/** Every step for this seed, or the problems (each with the JSON path of the lesson field at fault). */
export function prepareLesson(lesson: Lesson, seed: number): ParseResult<PreparedLesson> {
  const steps: PreparedStep[] = [];
  const errors: FormatError[] = [];
  lesson.steps.forEach((step, i) => {
    const path = `$.steps[${i}]`;
    try {
      steps.push(prepareStep(step, seed, path));
    } catch (error) {
      if (!(error instanceof LessonError)) throw error;
      errors.push({ path: error.path, message: `${error.message} (seed ${seed})` });
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: { lesson, seed, steps } };
}

export type PredictVerdict =
  | { correct: true }
  | { correct: false; misconception: PreparedMisconception | null; direction: 'high' | 'low' };

/** Checks a predicted figure; a wrong one names the misconception it matches, if any. */
export function checkPrediction(prepared: PreparedPredict, given: number): PredictVerdict {
  const { expected, checkpoint } = prepared;
  if (sameFigure(given, expected, checkpoint.tolerance)) return { correct: true };
  const misconception =
    prepared.misconceptions.find(
      (m) => m.value !== null && sameFigure(given, m.value, checkpoint.tolerance),
    ) ?? null;
  return { correct: false, misconception, direction: given > expected ? 'high' : 'low' };
}

/**
 * Whether an act checkpoint's condition holds on the scenario a student made.
 * The machine must stay the step's (same devices), so a run of some other
 * machine cannot pass by accident.
 */
export function checkAct(
  step: PreparedStep,
  act: PreparedAct,
  scenario: Scenario,
): { done: boolean; reason: string | null } {
  const want = step.scenario.devices.map((d) => d.id).join(',');
  const got = scenario.devices.map((d) => d.id).join(',');
  if (want !== got)
    return { done: false, reason: `this is not the step's machine (devices ${want})` };
  const index = step.checkpoints.indexOf(act);
  try {
    const run = runContext(scenario, step.params);
    const done = holds(act.checkpoint.condition, run, `$.checkpoints[${index}].condition`);
    return { done, reason: done ? null : act.checkpoint.notYet };
  } catch (error) {
    // The student's run lacks what the condition reads (an event that never happens): not yet.
    if (error instanceof LessonError) return { done: false, reason: act.checkpoint.notYet };
    throw error;
  }
}

/** True once `cursor` has reached the reach checkpoint's event. */
export function reached(prepared: PreparedReach, cursor: number): boolean {
  return cursor >= prepared.expected;
}

export { findEvent };
