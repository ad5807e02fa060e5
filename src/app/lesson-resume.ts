/**
 * A lesson in progress survives a reload: while a built-in lesson is followed
 * on its step, its id is kept in this browser; on the next start that is not
 * a link (or an address asking for a preset), the page opens the lesson again
 * at the step it was on (progress keeps the step), at the same event when the
 * saved work is that step's machine. Leaving the lesson forgets it; so does
 * leaving its machine (another preset, a policy switch), because then the
 * saved work is the person's own and is what the page restores.
 */
import type { KeyValueStorage, StartChoice } from '../persist';
import type { AppState, AppStore } from '../store';

export const OPEN_LESSON_KEY = 'intx-lab:open-lesson:v1';

/** The lesson to keep: a built-in one (a lesson file is not kept across reloads), on its step. */
export function lessonToKeep(state: AppState): string | null {
  const active = state.activeLesson;
  if (!active || state.lessonOffStep) return null;
  const fromFile = state.openedLessons.some((l) => l.id === active.lesson.id);
  return fromFile ? null : active.lesson.id;
}

/** Keeps the open lesson's id in `storage` from now on (call once the start is shown). */
export function keepOpenLesson(store: AppStore, storage: KeyValueStorage): () => void {
  let kept = lessonToKeep(store.getState());
  const write = (id: string | null) => {
    if (id === null) storage.removeItem(OPEN_LESSON_KEY);
    else storage.setItem(OPEN_LESSON_KEY, id);
  };
  write(kept);
  return store.subscribe((state) => {
    const id = lessonToKeep(state);
    if (id === kept) return;
    kept = id;
    write(id);
  });
}

/**
 * The lesson to open again at this start, or null. A link names what to show,
 * and so does `?preset=` on a fresh visit; a reload of that address is the same
 * page again, lesson included.
 */
export function lessonToResume(
  storage: KeyValueStorage,
  choice: StartChoice,
  reload: boolean,
): string | null {
  const linked =
    choice.kind === 'lesson' ||
    (choice.kind === 'work' && choice.from === 'link') ||
    (choice.kind === 'preset' &&
      !reload &&
      new URLSearchParams(globalThis.location?.search).has('preset'));
  if (linked) return null;
  const id = storage.getItem(OPEN_LESSON_KEY);
  return id !== null && id.length > 0 && id.length <= 200 ? id : null;
}

/**
 * Opens built-in lesson `id` at its last step; true when it is shown. At the
 * saved event too, when the saved work is the step's machine (the player's
 * limit still holds: seeking stops at an open question).
 */
export async function resumeLesson(
  store: AppStore,
  id: string,
  choice: StartChoice,
): Promise<boolean> {
  const { findLesson } = await import('../lessons/builtin');
  const lesson = findLesson(id);
  if (!lesson) return false;
  // The step to return to is in the stored progress, which is read after the store is made.
  await progressRead(store);
  const record = store.getState().lessonProgress.lessons[id];
  await store.getState().startLesson(lesson, {
    stepIndex: Math.max(0, Math.min(record?.step ?? 0, lesson.steps.length - 1)),
  });
  const active = store.getState().activeLesson;
  if (active?.lesson.id !== id) return false;
  const step = active.prepared.steps[active.stepIndex];
  if (
    choice.kind === 'work' &&
    step &&
    JSON.stringify(choice.work.scenario) === JSON.stringify(step.scenario)
  ) {
    await store.getState().seek(choice.work.cursor);
  }
  return true;
}

/** Resolves once the store has read this browser's saved lesson progress. */
function progressRead(store: AppStore): Promise<void> {
  if (!store.getState().lessonProgressLoading) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = store.subscribe((state) => {
      if (state.lessonProgressLoading) return;
      stop();
      resolve();
    });
  });
}
