/**
 * Following the lesson layer's outcomes: a list that only grows (a new array
 * each time), read through `subscribe` and `getOutcomes`, so the bridge does
 * not depend on where the list lives. Each outcome is handed on once, in
 * order; a lesson's completion is handed on once however often it is
 * finished again.
 */
import type { LessonOutcome } from '../protocol/lesson-outcome';

export interface OutcomeSource {
  subscribe(listener: () => void): () => void;
  getOutcomes(): readonly LessonOutcome[];
}

/** Calls `onOutcome` for each outcome appended after now; returns the unsubscribe function. */
export function followOutcomes(
  source: OutcomeSource,
  onOutcome: (outcome: LessonOutcome) => void,
): () => void {
  let seen = source.getOutcomes();
  let handed = seen.length;
  const completed = new Set<string>();
  for (const o of seen) if (o.kind === 'completed') completed.add(o.lessonId);
  return source.subscribe(() => {
    const now = source.getOutcomes();
    if (now === seen) return;
    // A shorter list is a new lesson attempt starting over: hand on what follows.
    if (now.length < handed) handed = 0;
    seen = now;
    for (; handed < now.length; handed++) {
      const outcome = now[handed]!;
      if (outcome.kind === 'completed') {
        if (completed.has(outcome.lessonId)) continue;
        completed.add(outcome.lessonId);
      }
      onOutcome(outcome);
    }
  });
}

/**
 * The store's `lessonOutcomes` list, once the store has one. Read
 * structurally so this works unchanged when the lesson layer adds the field;
 * until then the list is empty and nothing is reported.
 */
export function storeOutcomes(store: {
  subscribe(listener: () => void): () => void;
  getState(): object;
}): OutcomeSource {
  const empty: readonly LessonOutcome[] = [];
  return {
    subscribe: (listener) => store.subscribe(listener),
    getOutcomes: () =>
      (store.getState() as { lessonOutcomes?: readonly LessonOutcome[] }).lessonOutcomes ?? empty,
  };
}
