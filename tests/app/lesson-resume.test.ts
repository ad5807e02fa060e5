import { describe, expect, it } from 'vitest';
import {
  OPEN_LESSON_KEY,
  keepOpenLesson,
  lessonToKeep,
  lessonToResume,
  resumeLesson,
} from '../../src/app/lesson-resume';
import { findLesson } from '../../src/lessons';
import type { StartChoice } from '../../src/persist';
import { createAppStore, type AppStore } from '../../src/store';
import { safeStorage } from '../../src/store/safe-storage';
import { createLocalApi } from '../../src/worker/local';

/** This browser's storage, in memory: what a reload finds again. */
const newStorage = () => safeStorage(null);
type Storage = ReturnType<typeof newStorage>;

const storeOn = (storage: Storage): AppStore =>
  createAppStore(createLocalApi(), { storage, lessonStorage: storage });

/** The start of a page that restores this browser's saved work (what a plain reload does). */
function savedStart(store: AppStore): StartChoice {
  const { scenario, presetName, cursor } = store.getState();
  return {
    kind: 'work',
    from: 'saved',
    work: { scenario: scenario!, presetName, cursor },
    notes: [],
    save: true,
  };
}

describe('a lesson in progress is opened again after a reload', () => {
  it('the reloaded page shows the lesson at the step, and the event, it was on', async () => {
    const storage = newStorage();
    const before = storeOn(storage);
    await before.getState().loadPreset('fig3-broadcast');
    keepOpenLesson(before, storage);
    expect(storage.getItem(OPEN_LESSON_KEY)).toBeNull();
    const lesson = findLesson('broadcast')!;
    await before.getState().startLesson(lesson, { seed: 7 });
    await before.getState().goToLessonStep(1);
    expect(storage.getItem(OPEN_LESSON_KEY)).toBe('broadcast');
    await before.getState().seek(3);
    const choice = savedStart(before);

    // The new page: a new store on the same storage, as after a reload.
    const after = storeOn(storage);
    const id = lessonToResume(storage, choice, true);
    expect(id).toBe('broadcast');
    expect(await resumeLesson(after, id!, choice)).toBe(true);
    const active = after.getState().activeLesson!;
    expect(active.lesson.id).toBe('broadcast');
    expect(active.stepIndex).toBe(1);
    // Same seed, as progress keeps it; and the same event, since the saved work is the step's.
    expect(active.prepared.seed).toBe(7);
    expect(after.getState().cursor).toBe(Math.min(3, after.getState().cursorLimit ?? 3));
    expect(after.getState().workspace).toBe('visualize');
  });

  it('a closed lesson, or one left for another machine, is not opened again', async () => {
    const storage = newStorage();
    const store = storeOn(storage);
    await store.getState().loadPreset('fig3-broadcast');
    keepOpenLesson(store, storage);
    await store.getState().startLesson(findLesson('broadcast')!);
    expect(storage.getItem(OPEN_LESSON_KEY)).toBe('broadcast');
    store.getState().leaveLesson();
    expect(storage.getItem(OPEN_LESSON_KEY)).toBeNull();
    expect(lessonToResume(storage, savedStart(store), true)).toBeNull();

    await store.getState().startLesson(findLesson('broadcast')!);
    store.setState({ lessonOffStep: true });
    expect(lessonToKeep(store.getState())).toBeNull();
    expect(storage.getItem(OPEN_LESSON_KEY)).toBeNull();
  });

  it('a link decides what the page shows; an unknown id opens nothing', async () => {
    const storage = newStorage();
    storage.setItem(OPEN_LESSON_KEY, 'broadcast');
    const store = storeOn(storage);
    await store.getState().loadPreset('fig3-broadcast');
    const saved = savedStart(store);
    const work = saved.kind === 'work' ? saved.work : null!;
    expect(lessonToResume(storage, { ...saved, from: 'link' } as StartChoice, true)).toBeNull();
    expect(
      lessonToResume(
        storage,
        { kind: 'lesson', shared: null!, notes: [], save: true } as StartChoice,
        true,
      ),
    ).toBeNull();
    expect(
      lessonToResume(storage, { kind: 'work', from: 'saved', work, notes: [], save: true }, false),
    ).toBe('broadcast');
    expect(await resumeLesson(store, 'no-such-lesson', saved)).toBe(false);
    expect(store.getState().activeLesson).toBeNull();
  });

  it('a lesson opened from a file is not kept (the file is not kept either)', async () => {
    const storage = newStorage();
    const store = storeOn(storage);
    await store.getState().loadPreset('fig3-broadcast');
    const lesson = { ...findLesson('broadcast')!, id: 'teacher-own' };
    store.getState().addOpenedLesson(lesson);
    await store.getState().startLesson(lesson);
    expect(store.getState().activeLesson?.lesson.id).toBe('teacher-own');
    expect(lessonToKeep(store.getState())).toBeNull();
  });
});
