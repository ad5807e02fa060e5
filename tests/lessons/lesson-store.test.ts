import { describe, expect, it, vi } from 'vitest';
import { getCommand } from '../../src/commands';
import { findLesson, prepareLesson, type PreparedPredict } from '../../src/lessons';
import type { KeyValueStorage } from '../../src/persist';
import { createAppStore, createMemoryStorage } from '../../src/store';
import { PROGRESS_KEY } from '../../src/store/lesson-storage';
import { createLocalApi } from '../../src/worker/local';

function mapStorage(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

function makeStore(lessonStorage: KeyValueStorage | null = mapStorage()) {
  return createAppStore(createLocalApi(), { storage: createMemoryStorage(), lessonStorage });
}

const broadcast = findLesson('broadcast')!;
const SEED = 7;
/** The same figures the store will use: the lesson prepared for the seed. */
const prepared = (() => {
  const p = prepareLesson(broadcast, SEED);
  if (!p.ok) throw new Error('lesson does not prepare');
  return p.value;
})();
const predict = (id: string) =>
  prepared.steps[0]!.checkpoints.find((c) => c.checkpoint.id === id) as PreparedPredict;

describe('the lesson slice', () => {
  it('opens the first step on its scenario with the player stopped at the first open prediction', async () => {
    const store = makeStore();
    await store.getState().startLesson(broadcast, { seed: SEED });
    const s = store.getState();
    expect(s.activeLesson?.stepIndex).toBe(0);
    expect(s.scenario).toBe(s.activeLesson!.prepared.steps[0]!.scenario);
    expect(s.scenario).toEqual(prepared.steps[0]!.scenario);
    expect(s.cursorLimit).toBe(
      Math.min(
        ...['switches-first', 'spurious-total', 'switches-total'].map((id) => predict(id).stop),
      ),
    );
    expect(s.workspace).toBe('visualize');
  });

  it('Forward, End, Next interrupt and play stop at the unanswered prediction', async () => {
    const store = makeStore();
    await store.getState().startLesson(broadcast, { seed: SEED });
    const limit = store.getState().cursorLimit!;
    await store.getState().last();
    expect(store.getState().cursor).toBe(limit);
    expect(getCommand('forward').isEnabled(store.getState())).toBe(false);
    expect(getCommand('last').isEnabled(store.getState())).toBe(false);
    await store.getState().stepForward();
    await store.getState().nextInterrupt();
    await store.getState().seek(limit + 10);
    expect(store.getState().cursor).toBe(limit);
    await store.getState().play();
    expect(store.getState().playing).toBe(false);
    expect(getCommand('back').isEnabled(store.getState())).toBe(true);
  });

  it('a wrong answer gives its misconception feedback, counts an attempt and reports a wrong outcome', async () => {
    const store = makeStore();
    await store.getState().startLesson(broadcast, { seed: SEED });
    store.getState().answerCheckpoint('switches-first', 1);
    const s = store.getState();
    expect(s.lessonFeedback['count/switches-first']).toMatchObject({
      status: 'wrong',
      misconception: 'counted-only-the-owner',
    });
    expect(s.lessonFeedback['count/switches-first']!.message).toMatch(/Counted only the owner/);
    expect(s.lessonProgress.lessons['broadcast']!.steps['count']!['switches-first']).toEqual({
      status: null,
      attempts: 1,
    });
    expect(s.lessonOutcomes).toEqual([
      expect.objectContaining({
        kind: 'checkpoint',
        checkpointId: 'switches-first',
        status: 'wrong',
        score: 0,
        maximum: 6,
      }),
    ]);
  });

  it('a right answer solves it and moves the limit on; Reveal is recorded as revealed, not solved', async () => {
    const store = makeStore();
    await store.getState().startLesson(broadcast, { seed: SEED });
    const before = store.getState().lessonOutcomes;
    store.getState().answerCheckpoint('switches-first', predict('switches-first').expected);
    expect(store.getState().lessonOutcomes).not.toBe(before);
    expect(store.getState().cursorLimit).toBe(
      Math.min(predict('spurious-total').stop, predict('switches-total').stop),
    );
    store.getState().revealCheckpoint('spurious-total');
    const s = store.getState();
    expect(s.lessonProgress.lessons['broadcast']!.steps['count']!['spurious-total']!.status).toBe(
      'revealed',
    );
    expect(s.lessonOutcomes.at(-1)).toMatchObject({ status: 'revealed', score: 1 });
    expect(s.lessonFeedback['count/spurious-total']!.message).toContain(
      String(predict('spurious-total').expected),
    );
  });

  it('notices a reach when the player gets there and an act when the run shows it; completes once', async () => {
    const store = makeStore();
    await store.getState().startLesson(broadcast, { seed: SEED });
    for (const id of ['switches-first', 'spurious-total', 'switches-total']) {
      store.getState().answerCheckpoint(id, predict(id).expected);
    }
    expect(store.getState().cursorLimit).toBeNull();
    const reach = prepared.steps[0]!.checkpoints.find((c) => c.checkpoint.id === 'first-spurious')!;
    await store.getState().seek((reach as { expected: number }).expected);
    store.getState().observeLessonRun();
    expect(store.getState().lessonFeedback['count/first-spurious']?.status).toBe('solved');

    await store.getState().goToLessonStep(1);
    store.getState().answerCheckpoint('isr-calls-first', 9);
    await store.getState().setPolicy('selective');
    store.getState().observeLessonRun();
    const s = store.getState();
    expect(s.lessonFeedback['chain-walk/go-selective']?.status).toBe('solved');
    const completed = s.lessonOutcomes.filter((o) => o.kind === 'completed');
    expect(completed).toEqual([{ kind: 'completed', lessonId: 'broadcast', score: 6, maximum: 6 }]);
    store.getState().observeLessonRun();
    expect(store.getState().lessonOutcomes.filter((o) => o.kind === 'completed')).toHaveLength(1);
  });

  it('keeps progress in storage for the next visit, and resets a step', async () => {
    const storage = mapStorage();
    const store = makeStore(storage);
    await store.getState().startLesson(broadcast, { seed: SEED });
    store.getState().answerCheckpoint('switches-first', predict('switches-first').expected);
    expect(JSON.parse(storage.items.get(PROGRESS_KEY)!).lessons.broadcast.seed).toBe(SEED);

    const again = makeStore(storage);
    // The stored progress is read once its reader (the progress schema) has loaded.
    expect(again.getState().lessonProgressLoading).toBe(true);
    await vi.waitFor(() => expect(again.getState().lessonProgressLoading).toBe(false));
    expect(
      again.getState().lessonProgress.lessons['broadcast']!.steps['count']!['switches-first']!
        .status,
    ).toBe('solved');
    await again.getState().startLesson(broadcast);
    expect(again.getState().activeLesson!.prepared.seed).toBe(SEED);
    await again.getState().resetLessonStep();
    expect(again.getState().lessonProgress.lessons['broadcast']!.steps['count']).toBeUndefined();
  });

  it('a browser that refuses storage gets a notice, and the lesson goes on', async () => {
    const refusing: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    const store = makeStore(refusing);
    expect(store.getState().lessonProblem).toMatch(/cannot be read/);
    await store.getState().startLesson(broadcast, { seed: SEED });
    store.getState().answerCheckpoint('switches-first', predict('switches-first').expected);
    expect(store.getState().notice).toMatch(/could not be saved.*QuotaExceededError/);
    expect(store.getState().lessonFeedback['count/switches-first']?.status).toBe('solved');
  });

  it('an act done by hand in the graph: Interrupt Disable set at the start keeps the line low (lesson 2)', async () => {
    const store = makeStore();
    await store.getState().startLesson(findLesson('gates')!, { seed: 1 });
    await store.getState().goToLessonStep(1);
    store.getState().answerCheckpoint('deliveries-before', 1);
    expect(store.getState().cursor).toBe(0);
    // At a past cursor the edit waits for confirmation, as any hand edit does.
    await store.getState().deviceAction('nic0', 'toggle-intx-disable');
    await store.getState().confirmEdit();
    store.getState().observeLessonRun();
    const s = store.getState();
    expect(
      s.scenario?.stimuli.some((st) => st.action === 'set-intx-disable' && st.source === 'hand'),
    ).toBe(true);
    expect(s.lessonFeedback['mask-by-hand/mask']?.status).toBe('solved');
  });

  it('an act not done yet says so, and says it once per scenario', async () => {
    const store = makeStore();
    await store.getState().startLesson(findLesson('gates')!, { seed: 1 });
    await store.getState().goToLessonStep(1);
    store.getState().answerCheckpoint('deliveries-before', 1);
    await store.getState().last();
    await store.getState().deviceAction('nic0', 'toggle-intx-disable');
    store.getState().observeLessonRun();
    expect(store.getState().lessonFeedback['mask-by-hand/mask']).toMatchObject({
      status: 'not-yet',
    });
    expect(store.getState().lessonFeedback['mask-by-hand/mask']!.message).toMatch(
      /Set bit 10 before the raise/,
    );
  });

  it("frees the player on another machine and gates it again on the step's own", async () => {
    const store = makeStore();
    await store.getState().startLesson(broadcast, { seed: SEED });
    const limit = store.getState().cursorLimit;
    await store.getState().setPolicy('selective');
    store.getState().observeLessonRun();
    expect(store.getState()).toMatchObject({ lessonOffStep: true, cursorLimit: null });
    await store.getState().setPolicy('broadcast');
    store.getState().observeLessonRun();
    expect(store.getState()).toMatchObject({ lessonOffStep: false, cursorLimit: limit });
    await store.getState().loadPreset('fig2-native');
    store.getState().observeLessonRun();
    expect(store.getState().cursorLimit).toBeNull();
    await store.getState().goToLessonStep(0);
    expect(store.getState()).toMatchObject({ lessonOffStep: false, cursorLimit: limit });
  });
  it("undo in a lesson step takes back what was done in it, never the step's machine", async () => {
    const store = makeStore();
    await store.getState().loadPreset('fig4-selective');
    await store.getState().startLesson(broadcast, { seed: SEED });
    const machine = store.getState().scenario;
    expect(getCommand('undo').isEnabled(store.getState())).toBe(false);
    await store.getState().undo();
    expect(store.getState().scenario).toBe(machine);
    // A hand action in the step can be undone, back to the step's own machine.
    await store.getState().deviceAction('dev1', 'raise');
    await store.getState().confirmEdit();
    expect(store.getState().scenario!.stimuli.length).toBe(machine!.stimuli.length + 1);
    expect(getCommand('undo').isEnabled(store.getState())).toBe(true);
    await store.getState().undo();
    expect(store.getState().scenario).toEqual(machine);
    expect(getCommand('undo').isEnabled(store.getState())).toBe(false);
    // Out of the lesson, the work before it is in reach again.
    store.getState().leaveLesson();
    expect(getCommand('undo').isEnabled(store.getState())).toBe(true);
  });

  it('leaving puts back the panels shown before the lesson, whatever its steps showed', async () => {
    const store = makeStore();
    const before = { ...store.getState().panels };
    expect(Object.values(before)).toContain(true);
    await store.getState().startLesson(broadcast, { seed: SEED });
    const inLesson = { ...store.getState().panels };
    expect(inLesson).not.toEqual(before);
    // Another lesson started from this one: still the panels from before the first.
    await store.getState().startLesson(findLesson('selective')!, { seed: SEED });
    store.getState().leaveLesson();
    expect(store.getState().panels).toEqual(before);
  });
});
