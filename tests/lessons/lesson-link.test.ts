import { describe, expect, it } from 'vitest';
import { findLesson, LESSONS } from '../../src/lessons/builtin';
import { chooseStart } from '../../src/persist';
import { decodeLessonShare, encodeLessonShare } from '../../src/share/lesson-link';

const memory = () => {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
};

describe('lesson links', () => {
  it('name a built-in lesson with its seed and step', async () => {
    const lesson = findLesson('selective')!;
    const encoded = await encodeLessonShare({ lesson, builtin: true, seed: 42, step: 1 });
    expect(encoded.ok && encoded.fragment).toBe('intx=1&lesson=selective&seed=42&step=1');
    const decoded = await decodeLessonShare(`#${encoded.ok ? encoded.fragment : ''}`, findLesson);
    expect(decoded).toEqual({ ok: true, shared: { lesson, builtin: true, seed: 42, step: 1 } });
  });

  it("carry a teacher's own lesson whole, read back through the lesson reader", async () => {
    const lesson = { ...LESSONS[2]!, id: 'tomorrow', title: "Tomorrow's lecture" };
    const encoded = await encodeLessonShare({ lesson, builtin: false, seed: null, step: 0 });
    if (!encoded.ok) throw new Error(encoded.message);
    const decoded = await decodeLessonShare(encoded.fragment, findLesson);
    expect(decoded?.ok && decoded.shared.lesson).toEqual(lesson);
    expect(decoded?.ok && decoded.shared.seed).toBeNull();
  });

  it('say clearly what is wrong with a damaged link, and leave other fragments alone', async () => {
    expect(await decodeLessonShare('#intx=1&lesson=nope', findLesson)).toEqual({
      ok: false,
      message: expect.stringMatching(/lesson "nope" that this INTx Lab does not have/),
    });
    expect(await decodeLessonShare('#intx=1&lessonFile=@@@', findLesson)).toMatchObject({
      ok: false,
    });
    expect(await decodeLessonShare('#intx=1&lesson=gates&seed=x', findLesson)).toMatchObject({
      ok: false,
    });
    expect(await decodeLessonShare('#intx=1&cursor=3&scenario=abc', findLesson)).toBeNull();
    expect(await decodeLessonShare('#somewhere', findLesson)).toBeNull();
  });

  it('open first when the page starts', async () => {
    const choice = await chooseStart({
      hash: '#intx=1&lesson=gates&seed=5',
      search: '',
      storage: memory(),
    });
    expect(choice).toMatchObject({ kind: 'lesson', shared: { builtin: true, seed: 5, step: 0 } });
    const bad = await chooseStart({ hash: '#intx=1&lesson=zzz', search: '', storage: memory() });
    expect(bad.kind).toBe('preset');
    expect(bad.notes[0]).toMatch(/does not have/);
  });
});
