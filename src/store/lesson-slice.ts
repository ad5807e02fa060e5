/**
 * The lesson slice: the lesson being followed, the student's progress, the
 * feedback on each checkpoint, the outcomes reported to the rest of the page,
 * and `cursorLimit`, the one limit the player honours so that it cannot step
 * past an unanswered prediction. The lesson layer (which runs the engine) is
 * loaded on first use, so the page opens without it.
 */
import type { Lesson } from '../lessons/model';
import type { PreparedLesson, PreparedStep } from '../lessons/prepare';
import {
  checkpointProgress,
  emptyProgress,
  outcomesFor,
  recordAttempt,
  resetProgress,
  withSeed,
  withStep,
  type Progress,
} from '../lessons/progress';
import { withUnit } from '../lessons/units';
import type { Scenario } from '../engine/scenario';
import type { CheckpointStatus } from '../protocol/lesson-outcome';
import type { KeyValueStorage } from '../persist';
import { formatError } from '../trace-io/result';
import { loadProgress, saveProgress, type LoadedProgress } from './lesson-storage';
import type { SliceCreator } from './types';
import type { LessonSlice } from './lesson-types';

type LessonsModule = typeof import('../lessons');

/** Where the lesson layer comes from; tests may pass it in to stay synchronous. */
let lessonsModule: LessonsModule | null = null;
async function lessons(): Promise<LessonsModule> {
  lessonsModule ??= await import('../lessons');
  return lessonsModule;
}

/**
 * The same machine and stimuli as the step's scenario: the very object, or an
 * equal one (a policy switched away and back). Compared once per scenario change.
 */
function sameMachine(a: Scenario, b: Scenario): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export const feedbackKey = (stepId: string, checkpointId: string) => `${stepId}/${checkpointId}`;

/** The cursor the player may not pass: the earliest stop of an open prediction of the step. */
export function limitOf(
  step: PreparedStep | null,
  lessonId: string,
  progress: Progress,
): number | null {
  if (!step) return null;
  let limit: number | null = null;
  for (const cp of step.checkpoints) {
    if (!('stop' in cp)) continue;
    if (checkpointProgress(progress, lessonId, step.step.id, cp.checkpoint.id).status !== null)
      continue;
    limit = limit === null ? cp.stop : Math.min(limit, cp.stop);
  }
  return limit;
}

export function createLessonSlice(storage: KeyValueStorage | null): SliceCreator<LessonSlice> {
  const loading = loadProgress(storage);
  const loaded = loading instanceof Promise ? null : loading;
  // Until a stored progress is read: empty, with the first-visit offer held back.
  const initial = loaded ?? { progress: emptyProgress(), problem: null };
  return (set, get) => {
    if (loaded === null) {
      void (loading as Promise<LoadedProgress>).then((read) => {
        // Progress made in the meantime (the read takes one module load) is kept, not replaced.
        const kept = get().lessonProgress !== initial.progress;
        set(
          {
            lessonProgress: kept ? get().lessonProgress : read.progress,
            lessonProblem: read.problem,
            lessonProgressLoading: false,
          },
          false,
          'lesson/progressRead',
        );
      });
    }
    /** The last comparison of the run's scenario with the step's (frames change far more often). */
    let seen: { scenario: Scenario | null; step: Scenario | null; same: boolean } = {
      scenario: null,
      step: null,
      same: false,
    };
    /** The step on screen, with its lesson. */
    const current = () => {
      const active = get().activeLesson;
      const step = active ? (active.prepared.steps[active.stepIndex] ?? null) : null;
      return active && step ? { active, step } : null;
    };

    const save = (progress: Progress) => {
      const problem = saveProgress(storage, progress);
      if (problem) get().setNotice(problem);
    };

    /** One change of one checkpoint: progress, outcomes, feedback and the player's limit together. */
    const close = (
      checkpointId: string,
      status: CheckpointStatus,
      feedback: LessonSlice['lessonFeedback'][string],
    ) => {
      const at = current();
      if (!at) return;
      const { active, step } = at;
      const before = get().lessonProgress;
      const where = {
        lessonId: active.lesson.id,
        seed: active.prepared.seed,
        stepId: step.step.id,
        checkpointId,
      };
      const recorded = recordAttempt(before, where, status);
      const { progress, outcomes } = outcomesFor(
        before,
        recorded,
        active.lesson,
        step.step.id,
        checkpointId,
        status,
      );
      set(
        {
          lessonProgress: progress,
          lessonOutcomes: outcomes.length
            ? [...get().lessonOutcomes, ...outcomes]
            : get().lessonOutcomes,
          lessonFeedback: {
            ...get().lessonFeedback,
            [feedbackKey(step.step.id, checkpointId)]: feedback,
          },
          cursorLimit: get().lessonOffStep ? null : limitOf(step, active.lesson.id, progress),
        },
        false,
        { type: 'lesson/checkpoint', checkpointId, status },
      );
      if (progress !== before) save(progress);
    };

    return {
      lessonOutcomes: [],
      cursorLimit: null,
      activeLesson: null,
      lessonProgress: initial.progress,
      lessonProgressLoading: loaded === null,
      lessonFeedback: {},
      openedLessons: [],
      lessonProblem: initial.problem,
      lessonOffStep: false,

      async startLesson(lesson, options = {}) {
        const module = await lessons();
        const stored = get().lessonProgress.lessons[lesson.id];
        const seed = options.seed ?? stored?.seed ?? 1;
        const prepared = module.prepareLesson(lesson, seed);
        if (!prepared.ok) {
          const shown = prepared.errors.slice(0, 3).map((e) => formatError(lesson.id, e));
          get().setError(`The lesson "${lesson.title}" cannot be run: ${shown.join('; ')}`);
          return;
        }
        let progress = get().lessonProgress;
        if (!stored || stored.seed !== seed) progress = withSeed(progress, lesson.id, seed);
        progress = { ...progress, welcomeDismissed: true };
        // From one lesson to another, the panels to go back to stay those before the first.
        const before = get().activeLesson;
        const panelsBefore = before ? before.panelsBefore : get().panels;
        set(
          {
            activeLesson: {
              lesson,
              prepared: prepared.value,
              stepIndex: 0,
              ...(panelsBefore ? { panelsBefore } : {}),
            },
            lessonProgress: progress,
            lessonFeedback: {},
          },
          false,
          { type: 'lesson/start', lessonId: lesson.id, seed },
        );
        save(progress);
        await get().goToLessonStep(options.stepIndex ?? 0);
      },

      async goToLessonStep(index) {
        const active = get().activeLesson;
        const step = active?.prepared.steps[index];
        if (!active || !step) return;
        const panels = step.step.panels;
        const progress = withStep(get().lessonProgress, active.lesson.id, index);
        if (progress !== get().lessonProgress) save(progress);
        set(
          {
            activeLesson: { ...active, stepIndex: index },
            lessonProgress: progress,
            lessonOffStep: false,
            workspace: 'visualize',
            cursorLimit: limitOf(step, active.lesson.id, get().lessonProgress),
            ...(panels
              ? {
                  panels: {
                    narration: panels.includes('narration'),
                    flow: panels.includes('flow'),
                    metrics: panels.includes('metrics'),
                    eventLog: panels.includes('eventLog'),
                    timeline: panels.includes('timeline'),
                  },
                }
              : {}),
          },
          false,
          { type: 'lesson/step', index },
        );
        await get().loadScenario(step.scenario, null);
        // Undo within the step takes back what was done in it, never the step's own machine.
        set({ undoFloor: get().undoStack.length }, false, 'lesson/undo-floor');
        get().observeLessonRun();
      },

      leaveLesson() {
        const panelsBefore = get().activeLesson?.panelsBefore;
        set(
          {
            ...(panelsBefore ? { panels: panelsBefore } : {}),
            activeLesson: null,
            cursorLimit: null,
            lessonFeedback: {},
            lessonOffStep: false,
            undoFloor: 0,
          },
          false,
          'lesson/leave',
        );
      },

      answerCheckpoint(checkpointId, value) {
        const at = current();
        const module = lessonsModule;
        if (!at || !module || !Number.isFinite(value)) return;
        const cp = at.step.checkpoints.find((c) => c.checkpoint.id === checkpointId);
        if (!cp || !('stop' in cp)) return;
        const progress = checkpointProgress(
          get().lessonProgress,
          at.active.lesson.id,
          at.step.step.id,
          checkpointId,
        );
        if (progress.status !== null) return;
        const verdict = module.checkPrediction(cp, value);
        const unit = cp.checkpoint.unit;
        if (verdict.correct) {
          close(checkpointId, 'solved', {
            status: 'solved',
            message: `Right: ${withUnit(cp.expected, unit)}. ${cp.checkpoint.explanation}`.trim(),
          });
        } else {
          const message =
            verdict.misconception?.feedback ??
            `Not quite: ${withUnit(value, unit)} is too ${verdict.direction}. Step through the run or open a hint.`;
          close(checkpointId, 'wrong', {
            status: 'wrong',
            message,
            misconception: verdict.misconception?.id ?? null,
          });
        }
      },

      revealCheckpoint(checkpointId) {
        const at = current();
        if (!at) return;
        const cp = at.step.checkpoints.find((c) => c.checkpoint.id === checkpointId);
        if (!cp) return;
        const c = cp.checkpoint;
        let answer: string;
        if ('stop' in cp)
          answer = `The answer is ${withUnit(cp.expected, c.kind === 'predict' ? c.unit : '')}.`;
        else if ('expected' in cp) answer = `It happens at step ${cp.expected}.`;
        else answer = "One way to do it is shown in the grader's reference answers (--solution).";
        close(checkpointId, 'revealed', {
          status: 'revealed',
          message: `${answer} ${c.explanation}`.trim(),
        });
      },

      observeLessonRun() {
        const at = current();
        const module = lessonsModule;
        const { scenario, frame, run } = get();
        if (!at || !module || !scenario || !frame || !run || get().loading) return;
        const { active, step } = at;
        // Predictions and reaches concern the step's own machine: on another one
        // (another preset, a changed policy) the player is free and nothing is reached.
        if (seen.scenario !== scenario || seen.step !== step.scenario) {
          seen = { scenario, step: step.scenario, same: sameMachine(scenario, step.scenario) };
        }
        const onStep = seen.same;
        if (onStep !== !get().lessonOffStep) {
          set(
            {
              lessonOffStep: !onStep,
              cursorLimit: onStep ? limitOf(step, active.lesson.id, get().lessonProgress) : null,
            },
            false,
            { type: 'lesson/onStep', onStep },
          );
        }
        for (const cp of step.checkpoints) {
          const id = cp.checkpoint.id;
          if (
            checkpointProgress(get().lessonProgress, active.lesson.id, step.step.id, id).status !==
            null
          )
            continue;
          if ('expected' in cp && !('stop' in cp)) {
            // A reach: on the step's own run, once the cursor has passed the event.
            if (onStep && module.reached(cp, frame.cursor)) {
              close(id, 'solved', {
                status: 'solved',
                message: `Reached. ${cp.checkpoint.explanation}`.trim(),
              });
            }
          } else if (!('stop' in cp) && scenario !== step.scenario) {
            const key = feedbackKey(step.step.id, id);
            if (get().lessonFeedback[key]?.scenario === scenario) continue;
            const result = module.checkAct(step, cp, scenario);
            if (result.done) {
              close(id, 'solved', {
                status: 'solved',
                message: `Done. ${cp.checkpoint.explanation}`.trim(),
                scenario,
              });
            } else {
              set(
                {
                  lessonFeedback: {
                    ...get().lessonFeedback,
                    [key]: {
                      status: 'not-yet',
                      message: result.reason ?? cp.checkpoint.notYet,
                      scenario,
                    },
                  },
                },
                false,
                'lesson/notYet',
              );
            }
          }
        }
      },

      async resetLessonStep() {
        const at = current();
        if (!at) return;
        const progress = resetProgress(get().lessonProgress, at.active.lesson.id, at.step.step.id);
        const feedback = Object.fromEntries(
          Object.entries(get().lessonFeedback).filter(
            ([key]) => !key.startsWith(`${at.step.step.id}/`),
          ),
        );
        set({ lessonProgress: progress, lessonFeedback: feedback }, false, 'lesson/resetStep');
        save(progress);
        await get().goToLessonStep(at.active.stepIndex);
      },

      resetLesson(lessonId) {
        const progress = resetProgress(get().lessonProgress, lessonId, null);
        const active = get().activeLesson;
        const same = active?.lesson.id === lessonId;
        set(
          {
            lessonProgress: progress,
            ...(same
              ? {
                  lessonFeedback: {},
                  cursorLimit: limitOf(current()?.step ?? null, lessonId, progress),
                }
              : {}),
          },
          false,
          { type: 'lesson/reset', lessonId },
        );
        save(progress);
      },

      async newLessonVariant(seed) {
        const active = get().activeLesson;
        if (!active) return;
        const progress = withSeed(get().lessonProgress, active.lesson.id, seed);
        set({ lessonProgress: progress }, false, { type: 'lesson/variant', seed });
        await get().startLesson(active.lesson, { seed, stepIndex: active.stepIndex });
      },

      replaceLessonProgress(progress) {
        set({ lessonProgress: progress, lessonFeedback: {} }, false, 'lesson/importProgress');
        save(progress);
        const at = current();
        if (at)
          set(
            { cursorLimit: limitOf(at.step, at.active.lesson.id, progress) },
            false,
            'lesson/limit',
          );
      },

      dismissWelcome() {
        const progress = { ...get().lessonProgress, welcomeDismissed: true };
        set({ lessonProgress: progress }, false, 'lesson/dismissWelcome');
        save(progress);
      },

      addOpenedLesson(lesson) {
        const others = get().openedLessons.filter((l) => l.id !== lesson.id);
        set({ openedLessons: [...others, lesson] }, false, {
          type: 'lesson/opened',
          lessonId: lesson.id,
        });
      },
    };
  };
}

export type { PreparedLesson, Lesson };
