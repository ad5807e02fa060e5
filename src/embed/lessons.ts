/**
 * The one door through which the embed layer opens a lesson: a `load`
 * command with `{ kind: "lesson", lesson }`, or the `lesson=` URL flag. The
 * lesson layer provides a LessonLoader; until it does, every request is
 * answered with LESSONS_UNAVAILABLE rather than pretending to have opened it.
 */
import type { FormatError } from '../trace-io';

export type LessonRequest =
  /** A lesson file object sent by the course page (paths are relative to it). */
  | { from: 'message'; lesson: Record<string, unknown> }
  /** A lesson named by the `lesson=` flag, optionally at a step (`lesson-step=`). */
  | { from: 'url'; name: string; step: string | null };

export type LessonLoadResult = { ok: true } | { ok: false; errors: FormatError[] };

export type LessonLoader = (request: LessonRequest) => Promise<LessonLoadResult>;

export const LESSONS_UNAVAILABLE = 'lessons are not available in this build';

/** The loader of a build without a lesson layer. */
export const lessonsUnavailable: LessonLoader = async () => ({
  ok: false,
  errors: [{ path: '$', message: LESSONS_UNAVAILABLE }],
});
