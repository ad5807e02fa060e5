import { describe, expect, it } from 'vitest';
import { storeLessonLoader } from '../../src/app/embed-lessons';
import { findLesson } from '../../src/lessons/builtin';
import { loadedStore } from '../store/make-store';

describe('the embed layer opens lessons through the store', () => {
  it('opens a built-in lesson named by the URL, at the step named', async () => {
    const store = await loadedStore('fig4-selective');
    const lesson = findLesson('broadcast')!;
    const second = lesson.steps[1]!;
    const result = await storeLessonLoader(store)({
      from: 'url',
      name: 'broadcast',
      step: second.id,
    });
    expect(result).toEqual({ ok: true });
    expect(store.getState().activeLesson?.lesson.id).toBe('broadcast');
    expect(store.getState().activeLesson?.stepIndex).toBe(1);
  });

  it('names the lessons there are when the URL names none of them', async () => {
    const store = await loadedStore('fig4-selective');
    const result = await storeLessonLoader(store)({ from: 'url', name: 'nope', step: null });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/no lesson "nope" \(.*broadcast/);
    expect(store.getState().activeLesson).toBeNull();
  });

  it('reads a lesson object sent by the course page like a lesson file', async () => {
    const store = await loadedStore('fig4-selective');
    const lesson = findLesson('selective')!;
    const sent = JSON.parse(JSON.stringify(lesson)) as Record<string, unknown>;
    expect(await storeLessonLoader(store)({ from: 'message', lesson: sent })).toEqual({
      ok: true,
    });
    expect(store.getState().activeLesson?.lesson.id).toBe('selective');
    const bad = await storeLessonLoader(store)({
      from: 'message',
      lesson: { ...sent, steps: 'none' },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]!.path).toMatch(/^\$\.steps/);
  });
});
