/**
 * What the lesson layer tells the rest of the page when a student answers a
 * checkpoint or finishes a lesson. Types only: the lesson layer produces these
 * values and the store keeps them in order; the embed bridge forwards them to
 * a course page (`checkpoint` and `completed` messages).
 */

/** How a checkpoint ended for this attempt. */
export type CheckpointStatus = 'solved' | 'revealed' | 'wrong';

/** One answer to one checkpoint (a wrong answer is reported too). */
export interface CheckpointOutcome {
  kind: 'checkpoint';
  lessonId: string;
  stepId: string;
  checkpointId: string;
  status: CheckpointStatus;
  /** Checkpoints of this lesson solved so far (revealed ones do not count). */
  score: number;
  /** Checkpoints in this lesson. */
  maximum: number;
}

/** Every checkpoint of a lesson has been solved or revealed. */
export interface LessonCompleted {
  kind: 'completed';
  lessonId: string;
  score: number;
  maximum: number;
}

export type LessonOutcome = CheckpointOutcome | LessonCompleted;
