import type { LessonLoader } from '../embed';
import type { AppStore } from '../store';

/**
 * The embed layer's door to the lesson layer: a `load` command with a lesson
 * file object, or the `lesson=` / `lesson-step=` URL flags, open the lesson in
 * this page's store. Lesson code is loaded only when a lesson is asked for.
 * Paths in the errors are relative to the lesson (the bridge prefixes them).
 */
export function storeLessonLoader(store: AppStore): LessonLoader {
  return async (request) => {
    const [{ findLesson, LESSONS }, { readLessonValue }] = await Promise.all([
      import('../lessons/builtin'),
      import('../trace-io/lesson-parse'),
    ]);
    let lesson;
    if (request.from === 'url') {
      lesson = findLesson(request.name);
      if (!lesson) {
        const names = LESSONS.map((l) => l.id).join(', ');
        return {
          ok: false,
          errors: [{ path: '$', message: `there is no lesson "${request.name}" (${names})` }],
        };
      }
    } else {
      const read = readLessonValue(request.lesson);
      if (!read.ok) return { ok: false, errors: read.errors };
      lesson = read.value;
    }
    let stepIndex = 0;
    if (request.from === 'url' && request.step !== null) {
      stepIndex = lesson.steps.findIndex((s) => s.id === request.step);
      if (stepIndex < 0) {
        const ids = lesson.steps.map((s) => s.id).join(', ');
        return {
          ok: false,
          errors: [
            { path: '$', message: `lesson "${lesson.id}" has no step "${request.step}" (${ids})` },
          ],
        };
      }
    }
    await store.getState().startLesson(lesson, { stepIndex });
    const state = store.getState();
    if (state.activeLesson?.lesson !== lesson) {
      return {
        ok: false,
        errors: [{ path: '$', message: state.error ?? 'the lesson did not open' }],
      };
    }
    return { ok: true };
  };
}
