import { describe, expect, it } from 'vitest';
import broadcast from '../../src/lessons/builtin/03-broadcast.json';
import { openFileBytes } from '../../src/import/open-file';
import { createAppStore, createMemoryStorage } from '../../src/store';
import { createLocalApi } from '../../src/worker/local';

const bytes = (value: unknown) =>
  new TextEncoder().encode(JSON.stringify(value)).buffer as ArrayBuffer;

describe('opening a lesson file with Open… or a drop', () => {
  it('is recognised by its format and read through the lesson schema', () => {
    const opened = openFileBytes(bytes(broadcast), 'broadcast.json');
    expect(opened.ok && opened.doc.kind).toBe('lesson');
  });

  it('refuses a bad lesson file naming the file and the JSON path', () => {
    const bad = { ...broadcast, steps: [{ ...broadcast.steps[0], scenario: { preset: 'nope' } }] };
    const opened = openFileBytes(bytes(bad), 'mine.json');
    expect(opened.ok).toBe(false);
    if (!opened.ok) {
      expect(opened.errors[0]).toMatchObject({
        file: 'mine.json',
        path: '$.steps[0].scenario.preset',
      });
    }
  });

  it('starts the lesson and lists it among the opened ones', async () => {
    const store = createAppStore(createLocalApi(), {
      storage: createMemoryStorage(),
      lessonStorage: null,
    });
    const mine = { ...broadcast, id: 'my-broadcast', title: 'My broadcast lesson' };
    expect(await store.getState().openFile('mine.json', bytes(mine))).toBe(true);
    const s = store.getState();
    expect(s.activeLesson?.lesson.id).toBe('my-broadcast');
    expect(s.openedLessons.map((l) => l.id)).toEqual(['my-broadcast']);
    expect(s.run?.scenario).toBe(s.activeLesson!.prepared.steps[0]!.scenario);
  });
});
