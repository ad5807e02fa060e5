// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findLesson, prepareLesson, type PreparedPredict } from '../../../src/lessons';
import {
  createAppStore,
  createMemoryStorage,
  StoreProvider,
  type AppStore,
} from '../../../src/store';
import { LearnWorkspace, LessonPanel, WelcomeOffer } from '../../../src/views/learn';
import { progressFile, readProgressFile } from '../../../src/views/learn/progress-file';
import { createLocalApi } from '../../../src/worker/local';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const broadcast = findLesson('broadcast')!;
const SEED = 11;
const prepared = (() => {
  const p = prepareLesson(broadcast, SEED);
  if (!p.ok) throw new Error('does not prepare');
  return p.value;
})();
const expected = (id: string) =>
  (prepared.steps[0]!.checkpoints.find((c) => c.checkpoint.id === id) as PreparedPredict).expected;

async function inLesson(): Promise<AppStore> {
  const store = createAppStore(createLocalApi(), {
    storage: createMemoryStorage(),
    lessonStorage: null,
  });
  await store.getState().startLesson(broadcast, { seed: SEED });
  render(
    <StoreProvider store={store}>
      <LessonPanel />
    </StoreProvider>,
  );
  await act(async () => {});
  return store;
}

function typeAnswer(cardId: string, value: string) {
  const card = screen.getByTestId(`checkpoint-${cardId}`);
  fireEvent.change(within(card).getByRole('textbox'), { target: { value } });
  fireEvent.click(within(card).getByRole('button', { name: 'Check' }));
  return card;
}

describe('the lesson panel', () => {
  it('shows the step, its sources, the seed and the stop of the player', async () => {
    await inLesson();
    const panel = screen.getByRole('region', { name: 'Lesson' });
    expect(panel.textContent).toContain('Every VM is switched in, every time');
    expect(panel.textContent).toContain('Teaches from: Figure 3; para 13; Xen xen/arch/x86/irq.c');
    expect(screen.getByTestId('lesson-seed').textContent).toBe(`Seed ${SEED}`);
    expect(panel.textContent).toMatch(
      /The player stops at step \d+ until the question there is answered/,
    );
  });

  it('a wrong answer shows the feedback of its misconception and unlocks the first hint', async () => {
    await inLesson();
    const card = typeAnswer('switches-first', '1');
    expect(within(card).getByRole('status').textContent).toMatch(/^Counted only the owner/);
    expect(card.getAttribute('data-status')).toBe('open');
    expect(within(card).getByRole('list', { name: 'Hints' }).textContent).toContain('Hint 1');
    expect(card.textContent).toContain('1 wrong attempt');
  });

  it('a right answer is solved; Reveal is recorded as revealed', async () => {
    const store = await inLesson();
    const card = typeAnswer('switches-first', String(expected('switches-first')));
    expect(card.getAttribute('data-status')).toBe('solved');
    const reveal = screen.getByTestId('checkpoint-spurious-total');
    fireEvent.click(within(reveal).getByRole('button', { name: 'Reveal' }));
    expect(reveal.getAttribute('data-status')).toBe('revealed');
    expect(within(reveal).getByRole('status').textContent).toContain(
      `The answer is ${expected('spurious-total')}`,
    );
    expect(store.getState().lessonOutcomes.map((o) => o.kind === 'checkpoint' && o.status)).toEqual(
      ['solved', 'revealed'],
    );
  });

  it("does not show the numbers drawn for the variant: they are the answers' inputs", async () => {
    await inLesson();
    const params = Object.entries(prepared.steps[0]!.params);
    expect(params.length).toBeGreaterThan(0);
    const head = screen.getByTestId('lesson-seed').parentElement!;
    for (const [name, value] of params) expect(head.textContent).not.toContain(`${name} ${value}`);
  });

  it('an empty or non-numeric answer says what to type, and counts no attempt', async () => {
    await inLesson();
    const card = typeAnswer('switches-first', '');
    const status = within(card).getByRole('status');
    expect(status.textContent).toBe('Type your answer as a number first.');
    typeAnswer('switches-first', 'six');
    expect(status.textContent).toBe('“six” is not a number: type digits, as in 3.');
    expect(within(card).getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    expect(card.textContent).toContain('Open');
    expect(card.textContent).not.toContain('wrong attempt');
    // Typing again clears the message.
    fireEvent.change(within(card).getByRole('textbox'), { target: { value: '4' } });
    expect(status.textContent).toBe('');
  });

  it('a wrong answer leaves focus in the field with its text selected, to try again', async () => {
    await inLesson();
    const card = typeAnswer('switches-first', '1');
    await act(async () => {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    const field = within(card).getByRole('textbox') as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 1]);
  });

  it('a right answer puts focus on the verdict', async () => {
    await inLesson();
    const card = typeAnswer('switches-first', String(expected('switches-first')));
    await act(async () => {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(document.activeElement).toBe(within(card).getByRole('status'));
  });

  it('leaves focus where the student moved it before the next frame', async () => {
    await inLesson();
    typeAnswer('switches-first', String(expected('switches-first')));
    // Tab on to the next question at once, as a quick typist does, before the frame comes.
    const next = within(screen.getByTestId('checkpoint-spurious-total')).getByRole('textbox');
    next.focus();
    await act(async () => {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(document.activeElement).toBe(next);
  });

  it('opens another step at its top, whatever the panel was scrolled to', async () => {
    const store = await inLesson();
    const panel = screen.getByRole('region', { name: 'Lesson' });
    const writes: number[] = [];
    Object.defineProperty(panel, 'scrollTop', {
      configurable: true,
      get: () => writes.at(-1) ?? 300,
      set: (v: number) => writes.push(v),
    });
    await act(async () => store.getState().goToLessonStep(1));
    expect(writes).toEqual([0]);
  });

  it('unlocks a hint by time as well', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    await inLesson();
    const card = screen.getByTestId('checkpoint-switches-first');
    expect(within(card).queryByRole('list', { name: 'Hints' })).toBeNull();
    expect(card.textContent).toMatch(/A hint unlocks in 45 s/);
    await act(async () => {
      vi.advanceTimersByTime(46_000);
    });
    expect(within(card).getByRole('list', { name: 'Hints' }).textContent).toContain(
      'Who can it rule out?',
    );
  });
});

describe('the Learn workspace', () => {
  it('lists the lessons with progress; Reset clears one lesson', async () => {
    const store = createAppStore(createLocalApi(), {
      storage: createMemoryStorage(),
      lessonStorage: null,
    });
    await store.getState().startLesson(broadcast, { seed: SEED });
    store.getState().answerCheckpoint('switches-first', expected('switches-first'));
    render(
      <StoreProvider store={store}>
        <LearnWorkspace />
      </StoreProvider>,
    );
    const card = screen.getByTestId('lesson-broadcast');
    expect(card.textContent).toContain(`1 of 6 solved · seed ${SEED}`);
    expect(within(card).getByRole('button', { name: /^Continue 3\./ })).toBeTruthy();
    expect(screen.getByTestId('lesson-gates').textContent).toContain('0 of 6 solved');
    fireEvent.click(within(card).getByRole('button', { name: /^Reset progress/ }));
    expect(card.textContent).toContain('0 of 6 solved');
  });

  it('imports a progress file, and refuses a bad one naming the path', async () => {
    const store = createAppStore(createLocalApi(), {
      storage: createMemoryStorage(),
      lessonStorage: null,
    });
    render(
      <StoreProvider store={store}>
        <LearnWorkspace />
      </StoreProvider>,
    );
    const input = screen.getByLabelText('Progress file') as HTMLInputElement;
    const good = {
      format: 'intx-lab/progress',
      version: 1,
      lessons: {
        gates: { seed: 3, steps: { gates: { 'line-rises': { status: 'solved', attempts: 1 } } } },
      },
    };
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([JSON.stringify(good)], 'p.json')] } });
    });
    await act(async () => {});
    expect(screen.getByTestId('lesson-gates').textContent).toContain('1 of 6 solved · seed 3');
    const bad = { ...good, lessons: { gates: { seed: -1, steps: {} } } };
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([JSON.stringify(bad)], 'bad.json')] } });
    });
    await act(async () => {});
    expect(screen.getByRole('status').textContent).toMatch(
      /^bad\.json: \$\.lessons\.gates\.seed: /,
    );
  });
});

describe('the first-visit offer', () => {
  it('offers lesson 1 until dismissed, and remembers the dismissal', () => {
    const store = createAppStore(createLocalApi(), {
      storage: createMemoryStorage(),
      lessonStorage: null,
    });
    render(
      <StoreProvider store={store}>
        <WelcomeOffer />
      </StoreProvider>,
    );
    const offer = screen.getByRole('region', { name: 'Welcome' });
    expect(offer.textContent).toContain('New here? Start with lesson 1');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the welcome' }));
    expect(screen.queryByRole('region', { name: 'Welcome' })).toBeNull();
    expect(store.getState().lessonProgress.welcomeDismissed).toBe(true);
  });
});

describe('the progress file', () => {
  it('reads back what Export progress writes', async () => {
    const store = createAppStore(createLocalApi(), {
      storage: createMemoryStorage(),
      lessonStorage: null,
    });
    await store.getState().startLesson(broadcast, { seed: SEED });
    store.getState().answerCheckpoint('switches-first', 1);
    store.getState().revealCheckpoint('switches-first');
    const file = progressFile(store.getState().lessonProgress);
    expect(file.fileName).toBe('intx-lab-progress.json');
    const read = readProgressFile(file.text, file.fileName);
    expect(read).toEqual({ ok: true, progress: store.getState().lessonProgress });
    expect(readProgressFile('{"format":"intx-lab/lesson","version":1}', 'x.json')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^x\.json: \$\.format: .*this file is a lesson/),
    });
  });
});
