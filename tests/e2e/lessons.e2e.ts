/**
 * A student alone at night: lessons 3 and 4 done with the keyboard only (Tab,
 * typing, Enter, arrows), a wrong answer and its feedback, a Reveal recorded
 * as revealed, the player stopped at an open question, and the progress still
 * there after a reload. The expected figures come from the same lesson layer
 * the page runs, for the seed the page shows.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findLesson, prepareLesson, type PreparedLesson } from '../../src/lessons';
import { browserForFile } from './support/file-browser';
import { appUrl, cursorStatus, openApp, waitForRun } from './support/app';
import { saveScreenshot } from './support/screenshot';

const browser = browserForFile();
const pageErrors: string[] = [];

/** Presses Tab until the focused element matches `selector` and its name contains `name`. */
async function tabTo(page: Page, selector: string, name = '', max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    const found = await page.evaluate(
      ([sel, want]) => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || !el.matches(sel!)) return false;
        const label = el.getAttribute('aria-label') ?? el.textContent ?? '';
        return label.includes(want!);
      },
      [selector, name],
    );
    if (found) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector} "${name}"`);
}

const card = (page: Page, id: string) => page.locator(`[data-testid="checkpoint-${id}"]`);

async function seedOnScreen(page: Page): Promise<number> {
  const text = (await page.locator('[data-testid="lesson-seed"]').textContent()) ?? '';
  return Number(/Seed\s*(\d+)/.exec(text)?.[1]);
}

function prepare(id: string, seed: number): PreparedLesson {
  const result = prepareLesson(findLesson(id)!, seed);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function figure(lesson: PreparedLesson, step: number, id: string): number {
  const cp = lesson.steps[step]!.checkpoints.find((c) => c.checkpoint.id === id)!;
  return (cp as { expected: number }).expected;
}

/** Tab to the checkpoint's answer field, type, Enter; wait until its status changes or feedback shows. */
async function answer(page: Page, id: string, value: number | string): Promise<void> {
  await tabTo(page, `[data-testid="checkpoint-${id}"] input`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(value));
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (cpId) =>
      (document.querySelector(`[data-testid="feedback-${cpId}"]`)?.textContent ?? '') !== '',
    id,
  );
}

async function waitStatus(page: Page, id: string, status: string): Promise<void> {
  await page.waitForFunction(
    ([cpId, want]) =>
      document.querySelector(`[data-testid="checkpoint-${cpId}"]`)?.getAttribute('data-status') ===
      want,
    [id, status],
  );
}

async function pressOn(page: Page, selector: string, name: string): Promise<void> {
  await tabTo(page, selector, name);
  await page.keyboard.press('Enter');
}

describe('guided lessons', () => {
  it('lessons 3 and 4 by keyboard only; feedback, Reveal, the stopped player, progress after a reload', async () => {
    const page = await openApp(browser, '', pageErrors);
    const welcome = page.getByRole('region', { name: 'Welcome' });
    await welcome.waitFor({ state: 'visible' });
    expect(await welcome.textContent()).toContain('New here? Start with lesson 1');
    await saveScreenshot(page, 'lessons-welcome');

    // The Learn tab, then lesson 3.
    await pressOn(page, 'nav[aria-label="Workspaces"] button', 'Learn');
    await page.locator('[data-testid="lesson-broadcast"]').waitFor({ state: 'visible' });
    await saveScreenshot(page, 'lessons-list');
    await pressOn(page, 'button', 'Start 3. Broadcast');
    await page.getByRole('region', { name: 'Lesson' }).waitFor({ state: 'visible' });
    await waitForRun(page, 0);
    const seed3 = await seedOnScreen(page);
    const l3 = prepare('broadcast', seed3);

    // End stops at the first open question, and Forward is disabled there.
    await page.keyboard.press('End');
    const stop = Math.min(
      ...l3.steps[0]!.checkpoints.flatMap((c) => ('stop' in c ? [c.stop] : [])),
    );
    await waitForRun(page, stop);
    expect((await cursorStatus(page))[0]).toBe(stop);
    expect(await page.getByRole('button', { name: 'Forward', exact: true }).isDisabled()).toBe(
      true,
    );
    await saveScreenshot(page, 'lessons-stopped-at-question');

    // A wrong answer: "counted only the owner".
    await answer(page, 'switches-first', 1);
    expect(await page.locator('[data-testid="feedback-switches-first"]').textContent()).toMatch(
      /Counted only the owner/,
    );
    expect(await card(page, 'switches-first').getAttribute('data-status')).toBe('open');
    expect(await card(page, 'switches-first').textContent()).toContain('Hint 1');
    await saveScreenshot(page, 'lessons-wrong-answer');
    await answer(page, 'switches-first', figure(l3, 0, 'switches-first'));
    await waitStatus(page, 'switches-first', 'solved');

    // Reveal is recorded as revealed, not solved.
    await pressOn(page, '[data-testid="checkpoint-spurious-total"] button', 'Reveal');
    await waitStatus(page, 'spurious-total', 'revealed');
    expect(await page.locator('[data-testid="feedback-spurious-total"]').textContent()).toContain(
      `The answer is ${figure(l3, 0, 'spurious-total')}`,
    );
    await answer(page, 'switches-total', figure(l3, 0, 'switches-total'));
    await waitStatus(page, 'switches-total', 'solved');
    await saveScreenshot(page, 'lessons-answered');

    // No open question is left: the arrows step on to the first spurious interrupt.
    const reach = figure(l3, 0, 'first-spurious');
    const [now] = await cursorStatus(page);
    for (let c = now; c < reach; c++) await page.keyboard.press('ArrowRight');
    await waitStatus(page, 'first-spurious', 'solved');

    // Step 2: a prediction, then switch the policy with the radio group's Up/Down keys
    // (Left/Right step the player even there).
    await pressOn(page, '.learn-nav button', 'Next step');
    await waitForRun(page, 0);
    await answer(page, 'isr-calls-first', figure(l3, 1, 'isr-calls-first'));
    await waitStatus(page, 'isr-calls-first', 'solved');
    await tabTo(page, 'input[name="policy"]');
    for (let i = 0; i < 3; i++) {
      const value = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
      if (value === 'selective') break;
      await page.keyboard.press('ArrowDown');
    }
    await waitStatus(page, 'go-selective', 'solved');
    expect(await page.getByRole('region', { name: 'Lesson' }).textContent()).toContain(
      '5 solved · 1 revealed',
    );
    await saveScreenshot(page, 'lessons-lesson3-done');

    // Lesson 4, from the list.
    await pressOn(page, '.learn-nav button', 'All lessons');
    await pressOn(page, 'button', 'Start 4. Selective');
    await page.getByRole('region', { name: 'Lesson' }).waitFor({ state: 'visible' });
    await waitForRun(page, 0);
    const l4 = prepare('selective', await seedOnScreen(page));
    for (const id of ['reads-first', 'forwards-first', 'reads-total', 'read-cost', 'spurious']) {
      await answer(page, id, figure(l4, 0, id));
      await waitStatus(page, id, 'solved');
    }
    await pressOn(page, '.learn-nav button', 'Next step');
    await waitForRun(page, 0);
    await answer(page, 'lost', figure(l4, 1, 'lost'));
    await waitStatus(page, 'lost', 'solved');
    await page.keyboard.press('End');
    await waitStatus(page, 'redelivered', 'solved');
    await answer(page, 'deliveries', figure(l4, 1, 'deliveries'));
    await waitStatus(page, 'deliveries', 'solved');
    await saveScreenshot(page, 'lessons-lesson4-done');

    // A reload keeps the progress.
    await page.reload({ waitUntil: 'load' });
    await waitForRun(page);
    expect(await page.getByRole('region', { name: 'Welcome' }).count()).toBe(0);
    await pressOn(page, 'nav[aria-label="Workspaces"] button', 'Learn');
    const l3card = page.locator('[data-testid="lesson-broadcast"]');
    await l3card.waitFor({ state: 'visible' });
    expect(await l3card.textContent()).toContain('5 of 6 solved, 1 revealed · complete');
    expect(await l3card.textContent()).toContain(`seed ${seed3}`);
    expect(await page.locator('[data-testid="lesson-selective"]').textContent()).toContain(
      '8 of 8 solved · complete',
    );
    await saveScreenshot(page, 'lessons-after-reload');
    await page.setViewportSize({ width: 1024, height: 768 });
    await saveScreenshot(page, 'lessons-after-reload-1024');

    // Continue comes back to the step last opened.
    await pressOn(page, 'button', 'Continue 3. Broadcast');
    const panel = page.getByRole('region', { name: 'Lesson' });
    await panel.waitFor({ state: 'visible' });
    await waitForRun(page, 0);
    expect(await panel.textContent()).toContain('step 2 of 2');
    expect(await seedOnScreen(page)).toBe(seed3);
    await saveScreenshot(page, 'lessons-continue-1024');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('a lesson link opens the lesson at its step and seed', async () => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(appUrl('#intx=1&lesson=gates&seed=5&step=1'), { waitUntil: 'load' });
    const panel = page.getByRole('region', { name: 'Lesson' });
    await panel.waitFor({ state: 'visible' });
    await waitForRun(page, 0);
    expect(await seedOnScreen(page)).toBe(5);
    expect(await panel.textContent()).toContain('Mask the device yourself');
    // The fragment is dropped once opened: a reload shows the work, not the link again.
    expect(new URL(page.url()).hash).toBe('');
    await page.setViewportSize({ width: 1024, height: 768 });
    // Beside the lesson on a short window the event log keeps room for a row, not a title
    // over an empty box; the lesson scrolls instead.
    const list = await page.locator('[data-testid="event-log"]').boundingBox();
    expect(list!.height).toBeGreaterThan(60);
    await saveScreenshot(page, 'lessons-link-1024');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
