/**
 * A student's progress over the lessons: per checkpoint solved, revealed or
 * open, and how many attempts it took; per lesson the seed of the attempt.
 * Pure updates (each returns a new value), so the store can keep and save it.
 */
import type { CheckpointStatus, LessonOutcome } from '../protocol/lesson-outcome';
import type { Lesson } from './model';

export const PROGRESS_FORMAT = 'intx-lab/progress';

export interface CheckpointProgress {
  /** Null while the checkpoint is open (wrong answers leave it open). */
  status: 'solved' | 'revealed' | null;
  attempts: number;
}

export interface LessonProgress {
  seed: number;
  /** Per step id, per checkpoint id. */
  steps: Record<string, Record<string, CheckpointProgress>>;
  /** The `completed` outcome was reported for this attempt. */
  completed: boolean;
  /** The step last opened, where Continue goes back to (absent: the first). */
  step?: number;
}

export interface Progress {
  format: typeof PROGRESS_FORMAT;
  version: 1;
  lessons: Record<string, LessonProgress>;
  /** The first-visit offer was taken or dismissed. */
  welcomeDismissed: boolean;
}

export function emptyProgress(): Progress {
  return { format: PROGRESS_FORMAT, version: 1, lessons: {}, welcomeDismissed: false };
}

const OPEN: CheckpointProgress = { status: null, attempts: 0 };

export function checkpointProgress(
  progress: Progress,
  lessonId: string,
  stepId: string,
  checkpointId: string,
): CheckpointProgress {
  return progress.lessons[lessonId]?.steps[stepId]?.[checkpointId] ?? OPEN;
}

function withCheckpoint(
  progress: Progress,
  lessonId: string,
  seed: number,
  stepId: string,
  checkpointId: string,
  change: (old: CheckpointProgress) => CheckpointProgress,
): Progress {
  const lesson = progress.lessons[lessonId] ?? { seed, steps: {}, completed: false };
  const step = lesson.steps[stepId] ?? {};
  const next = change(step[checkpointId] ?? OPEN);
  return {
    ...progress,
    lessons: {
      ...progress.lessons,
      [lessonId]: {
        ...lesson,
        steps: { ...lesson.steps, [stepId]: { ...step, [checkpointId]: next } },
      },
    },
  };
}

/** One answer: right ones solve the checkpoint, wrong ones count an attempt; a closed checkpoint stays closed. */
export function recordAttempt(
  progress: Progress,
  where: { lessonId: string; seed: number; stepId: string; checkpointId: string },
  status: CheckpointStatus,
): Progress {
  return withCheckpoint(
    progress,
    where.lessonId,
    where.seed,
    where.stepId,
    where.checkpointId,
    (old) => {
      if (old.status !== null) return old;
      if (status === 'wrong') return { status: null, attempts: old.attempts + 1 };
      return { status, attempts: status === 'solved' ? old.attempts + 1 : old.attempts };
    },
  );
}

export interface LessonScore {
  solved: number;
  revealed: number;
  maximum: number;
  /** Every checkpoint is solved or revealed. */
  done: boolean;
}

export function lessonScore(progress: Progress, lesson: Lesson): LessonScore {
  let solved = 0;
  let revealed = 0;
  let maximum = 0;
  for (const step of lesson.steps) {
    for (const cp of step.checkpoints) {
      maximum++;
      const status = checkpointProgress(progress, lesson.id, step.id, cp.id).status;
      if (status === 'solved') solved++;
      if (status === 'revealed') revealed++;
    }
  }
  return { solved, revealed, maximum, done: solved + revealed === maximum };
}

/**
 * What the page reports for a change: the checkpoint outcome, and once per
 * attempt the `completed` outcome when the lesson's last open checkpoint closes.
 */
export function outcomesFor(
  before: Progress,
  after: Progress,
  lesson: Lesson,
  stepId: string,
  checkpointId: string,
  status: CheckpointStatus,
): { progress: Progress; outcomes: LessonOutcome[] } {
  if (after === before) return { progress: after, outcomes: [] };
  const score = lessonScore(after, lesson);
  const outcomes: LessonOutcome[] = [
    {
      kind: 'checkpoint',
      lessonId: lesson.id,
      stepId,
      checkpointId,
      status,
      score: score.solved,
      maximum: score.maximum,
    },
  ];
  const record = after.lessons[lesson.id];
  if (score.done && record && !record.completed) {
    outcomes.push({
      kind: 'completed',
      lessonId: lesson.id,
      score: score.solved,
      maximum: score.maximum,
    });
    after = {
      ...after,
      lessons: { ...after.lessons, [lesson.id]: { ...record, completed: true } },
    };
  }
  return { progress: after, outcomes };
}

/** Forgets one step's checkpoints (or, with no step, the whole lesson but its seed). */
export function resetProgress(
  progress: Progress,
  lessonId: string,
  stepId: string | null,
): Progress {
  const lesson = progress.lessons[lessonId];
  if (!lesson) return progress;
  const steps = { ...lesson.steps };
  if (stepId === null) for (const key of Object.keys(steps)) delete steps[key];
  else delete steps[stepId];
  return {
    ...progress,
    lessons: { ...progress.lessons, [lessonId]: { ...lesson, steps, completed: false } },
  };
}

/** A new attempt with another seed: the figures change, so the answers start over. */
export function withSeed(progress: Progress, lessonId: string, seed: number): Progress {
  return {
    ...progress,
    lessons: { ...progress.lessons, [lessonId]: { seed, steps: {}, completed: false } },
  };
}

/** Remembers the step last opened, so Continue comes back to it. */
export function withStep(progress: Progress, lessonId: string, step: number): Progress {
  const lesson = progress.lessons[lessonId];
  if (!lesson || lesson.step === step) return progress;
  return { ...progress, lessons: { ...progress.lessons, [lessonId]: { ...lesson, step } } };
}
