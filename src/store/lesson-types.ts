import type { Lesson } from '../lessons/model';
import type { PreparedLesson } from '../lessons/prepare';
import type { Progress } from '../lessons/progress';
import type { Scenario } from '../engine/scenario';
import type { LessonOutcome } from '../protocol/lesson-outcome';
import type { PanelId } from './types';

/** The lesson being followed and where in it the student is. */
export interface ActiveLesson {
  lesson: Lesson;
  /** The lesson for this attempt's seed: scenarios built, expected figures read from runs. */
  prepared: PreparedLesson;
  stepIndex: number;
  /**
   * The panels shown before the lesson began (its steps choose their own): put back when
   * the lesson is left. Absent for a lesson resumed after a reload.
   */
  panelsBefore?: Record<PanelId, boolean>;
}

/** What the page says about one checkpoint after the student's last move. */
export interface CheckpointFeedback {
  status: 'solved' | 'revealed' | 'wrong' | 'not-yet';
  message: string;
  /** The misconception a wrong answer matched, if the lesson names one. */
  misconception?: string | null;
  /** For act checkpoints: the scenario this was said about (it is not checked twice). */
  scenario?: Scenario;
}

export interface LessonSlice {
  /** Every checkpoint answered (right or wrong) or revealed, and each lesson completed, in order. */
  lessonOutcomes: readonly LessonOutcome[];
  /** The player may not go past this cursor (an unanswered prediction); null: no limit. */
  cursorLimit: number | null;
  activeLesson: ActiveLesson | null;
  lessonProgress: Progress;
  /** Per `stepId/checkpointId`. */
  lessonFeedback: Record<string, CheckpointFeedback>;
  /** Lessons opened from a file or a link, besides the built-in ones. */
  openedLessons: readonly Lesson[];
  /** The run on screen is not the step's machine (the student changed it or opened another). */
  lessonOffStep: boolean;
  /** Why saved progress could not be used at start, if it could not. */
  lessonProblem: string | null;
  /** Saved progress is still being read (the first-visit offer waits for it). */
  lessonProgressLoading: boolean;
  /** Prepares the lesson for the seed (default: the saved attempt's, else 1) and opens its first step. */
  startLesson(lesson: Lesson, options?: { seed?: number; stepIndex?: number }): Promise<void>;
  goToLessonStep(index: number): Promise<void>;
  leaveLesson(): void;
  answerCheckpoint(checkpointId: string, value: number): void;
  revealCheckpoint(checkpointId: string): void;
  /** Checks reach and act checkpoints against the run on screen. */
  observeLessonRun(): void;
  resetLessonStep(): Promise<void>;
  resetLesson(lessonId: string): void;
  newLessonVariant(seed: number): Promise<void>;
  replaceLessonProgress(progress: Progress): void;
  dismissWelcome(): void;
  addOpenedLesson(lesson: Lesson): void;
}
