/**
 * The statement a finished lesson is reported with, shaped like an xAPI 1.0.3
 * `completed` statement so a learning record store or an H5P host can keep
 * it as it is. The frame does not know who the learner is: `actor` is left
 * for the host to fill in, as H5P hosts do for their own content.
 */
import type { LessonCompleted } from '../protocol/lesson-outcome';

export const XAPI_COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
export const XAPI_LESSON = 'http://adlnet.gov/expapi/activities/lesson';

export interface XapiStatement extends Record<string, unknown> {
  verb: { id: string; display: Record<string, string> };
  object: {
    objectType: 'Activity';
    id: string;
    definition: { type: string; name: Record<string, string> };
  };
  result: {
    completion: true;
    success: boolean;
    score: { raw: number; min: number; max: number; scaled: number };
  };
  timestamp: string;
  context: { platform: string };
}

/**
 * The activity's IRI: the page's address (without query or fragment) naming
 * the lesson, so the same lesson on the same site is the same activity.
 */
export function activityId(pageUrl: string, lessonId: string): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set('lesson', lessonId);
  return url.href;
}

export function completedStatement(
  outcome: LessonCompleted,
  pageUrl: string,
  now: Date,
): XapiStatement {
  const { score, maximum } = outcome;
  // xAPI requires -1 <= scaled <= 1; a lesson without checkpoints is complete.
  const scaled = maximum > 0 ? Math.max(0, Math.min(1, score / maximum)) : 1;
  return {
    verb: { id: XAPI_COMPLETED, display: { 'en-US': 'completed' } },
    object: {
      objectType: 'Activity',
      id: activityId(pageUrl, outcome.lessonId),
      definition: { type: XAPI_LESSON, name: { 'en-US': outcome.lessonId } },
    },
    result: {
      completion: true,
      success: score >= maximum,
      score: { raw: score, min: 0, max: maximum, scaled },
    },
    timestamp: now.toISOString(),
    context: { platform: 'INTx Lab' },
  };
}
