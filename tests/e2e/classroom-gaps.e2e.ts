/**
 * What a teacher and a student meet in a lesson and around it: the import
 * progress dialog keeps focus and can be cancelled, the scrubber shows where a
 * lesson's question stops the player, the narration's words carry their
 * definitions, the side-by-side graphs keep their text legible, and a reload
 * goes back to the lesson in progress. Screenshots at 1440x900 and 1024x768.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { normalizeScenario, serializeTrace } from '../../src/trace-io';
import { SimSession } from '../../src/worker/session';
import { millionEventScenario } from '../bench/ui/million-scenario';
import { browserForFile } from './support/file-browser';
import { cursorStatus, focusBody, openApp, waitForRun } from './support/app';
import { smallestNodeText } from './support/graph-text';
import { saveScreenshot } from './support/screenshot';

const browser = browserForFile();
const pageErrors: string[] = [];

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;

/** What has focus: its test id, else its accessible name or text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    return el.dataset['testid'] ?? el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
  });
}

const inDialog = (page: Page, selector: string) =>
  page.evaluate(
    (sel) => document.querySelector(sel)?.contains(document.activeElement) ?? false,
    selector,
  );

describe('classroom gaps', () => {
  it('the import progress dialog keeps Tab inside, Escape cancels, focus returns to Open', async () => {
    // Large enough (about 600,000 events) that opening it takes well over the checks below,
    // at each size, even on a fast machine: the dialog must still be up for Escape to cancel.
    const scenario = normalizeScenario(millionEventScenario(20_000));
    if (!scenario.ok) throw new Error(JSON.stringify(scenario.errors));
    const source = new SimSession();
    await source.load(scenario.value);
    const dir = mkdtempSync(join(tmpdir(), 'intx-lab-gaps-'));
    const file = join(dir, 'large.trace.json');
    writeFileSync(file, serializeTrace(await source.trace()));
    try {
      // One opening per size, each cancelled, so neither screenshot waits on the other.
      for (const size of SIZES) {
        const page = await openApp(browser, '?preset=fig3-broadcast', pageErrors);
        await page.setViewportSize(size);
        const before = await cursorStatus(page);
        await page.getByRole('button', { name: 'Open…' }).focus();
        await page.locator('[data-testid="open-file-input"]').setInputFiles(file);
        const dialog = page.locator('[data-testid="import-progress"]');
        await dialog.waitFor({ state: 'visible' });
        expect(await focused(page)).toBe('Cancel');
        for (const key of ['Tab', 'Shift+Tab', 'Tab', 'Tab']) {
          await page.keyboard.press(key);
          expect(await inDialog(page, '[data-testid="import-progress"]'), key).toBe(true);
        }
        await saveScreenshot(page, `gaps-import-progress-${size.width}`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        await page.waitForFunction(
          () => (document.activeElement?.textContent ?? '').trim() === 'Open…',
        );
        // Cancelled: no list of problems, nothing opened, the run as it was.
        expect(await page.locator('[data-testid="import-errors"]').count()).toBe(0);
        expect(await page.locator('[data-testid="opened-badge"]').count()).toBe(0);
        await waitForRun(page);
        expect(await cursorStatus(page)).toEqual(before);
        expect(pageErrors).toEqual([]);
        await page.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('the glossary dialog keeps Tab inside and gives focus back to its button', async () => {
    const page = await openApp(browser, '?preset=fig3-broadcast', pageErrors);
    await page.getByRole('button', { name: 'Glossary' }).click();
    await page.locator('.glossary-dialog[open]').waitFor();
    for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await inDialog(page, '.glossary-dialog'), key).toBe(true);
    }
    await page.keyboard.press('Escape');
    await page.locator('.glossary-dialog[open]').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Glossary');
    await page.close();
  });

  it("the scrubber marks where the lesson's question stops the player", async () => {
    for (const size of SIZES) {
      const page = await openApp(browser, '#intx=1&lesson=broadcast&seed=7&step=0', pageErrors);
      await page.setViewportSize(size);
      await page.getByRole('region', { name: 'Lesson' }).waitFor({ state: 'visible' });
      const mark = page.locator('[data-testid="scrubber-limit"]');
      await mark.waitFor({ state: 'visible' });
      const limit = Number(await mark.getAttribute('data-limit'));
      const [, count] = await cursorStatus(page);
      expect(limit).toBeGreaterThan(0);
      expect(limit).toBeLessThan(count);
      const range = page.getByRole('slider', { name: 'Cursor' });
      expect(await range.getAttribute('aria-valuetext')).toContain(
        `the lesson stops at step ${limit} until you answer`,
      );
      expect(await page.locator('.scrubber-limit__label').textContent()).toBe(
        'Continues after you answer',
      );
      expect(await range.getAttribute('title')).toContain('The lesson continues after you answer');
      // The marker stands where the range's thumb stops: press End and compare.
      await focusBody(page);
      await page.keyboard.press('End');
      await waitForRun(page, limit);
      const geometry = await page.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('.scrubber input[type="range"]')!;
        const locked = document.querySelector('.scrubber-limit__locked')!.getBoundingClientRect();
        const text = document.querySelector('.scrubber-limit__label')!;
        const r = input.getBoundingClientRect();
        const fraction = Number(input.value) / Number(input.max);
        const thumb = r.left + 7 + (r.width - 14) * fraction;
        const t = text.getBoundingClientRect();
        return {
          thumb,
          marker: locked.left,
          lockedRight: locked.right,
          inputRight: r.right,
          font: parseFloat(getComputedStyle(text).fontSize),
          // Drawn whole, not cut by its ellipsis, and inside the scrubber.
          labelWhole:
            text.scrollWidth <= text.clientWidth && t.left >= r.left - 1 && t.right <= r.right + 1,
        };
      });
      await saveScreenshot(page, `gaps-scrubber-limit-${size.width}`);
      expect(Math.abs(geometry.marker - geometry.thumb)).toBeLessThan(3);
      expect(geometry.lockedRight).toBeCloseTo(geometry.inputRight - 7, 0);
      expect(geometry.font).toBeGreaterThanOrEqual(12);
      expect(geometry.labelWhole).toBe(true);
      await page.close();
    }
  });

  it('the narration defines its terms on hover and on focus', async () => {
    const page = await openApp(browser, '?preset=fig3-broadcast', pageErrors);
    await focusBody(page);
    // Step on until the narration names a term.
    const narration = page.locator('[data-testid="narration"]');
    for (let i = 0; i < 12; i++) {
      if ((await narration.locator('[role="term"]:not(.flow-box)').count()) > 0) break;
      const [c] = await cursorStatus(page);
      await page.keyboard.press('ArrowRight');
      await waitForRun(page, c + 1);
    }
    const term = narration.locator('[role="term"]:not(.flow-box)').first();
    const id = await term.getAttribute('data-term');
    expect(id).toBeTruthy();
    await term.hover();
    const tip = page.locator('.term-tip');
    await tip.waitFor({ state: 'visible' });
    expect((await tip.textContent())?.length).toBeGreaterThan(20);
    await saveScreenshot(page, 'gaps-narration-term-1440');
    await page.setViewportSize(SIZES[1]);
    await term.hover();
    await tip.waitFor({ state: 'visible' });
    await saveScreenshot(page, 'gaps-narration-term-1024');
    await page.mouse.move(5, 5);
    await tip.waitFor({ state: 'detached' });
    await term.focus();
    await tip.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'detached' });
    await page.close();
  });

  it('side by side keeps the graph text at 12 px or more', async () => {
    for (const size of SIZES) {
      const page = await openApp(browser, '?preset=fig3-broadcast', pageErrors);
      await page.setViewportSize(size);
      await page.getByRole('button', { name: 'Side by side' }).click();
      await page.locator('[data-testid="side-broadcast"] [data-testid="host"]').waitFor();
      await page.locator('[data-testid="side-selective"] [data-testid="host"]').waitFor();
      await focusBody(page);
      await page.keyboard.press('Shift+ArrowRight');
      await waitForRun(page);
      await page.keyboard.press('Shift+ArrowRight');
      await waitForRun(page);
      await page.waitForTimeout(800); // the cameras' follow animation
      await saveScreenshot(page, `gaps-side-by-side-${size.width}`);
      const smallest = await smallestNodeText(page, '[data-testid="side-by-side"]');
      expect(smallest.size, `${size.width}: "${smallest.text}"`).toBeGreaterThanOrEqual(11.9);
      expect(pageErrors).toEqual([]);
      await page.close();
    }
  });

  it('a reload returns to the lesson in progress, at its step and event, until it is left', async () => {
    const page = await openApp(browser, '#intx=1&lesson=broadcast&seed=7&step=1', pageErrors);
    const panel = page.getByRole('region', { name: 'Lesson' });
    await panel.waitFor({ state: 'visible' });
    expect(await panel.textContent()).toContain('step 2 of 2');
    expect(new URL(page.url()).hash).toBe('');
    await focusBody(page);
    await page.keyboard.press('ArrowRight');
    await waitForRun(page, 1);
    await page.keyboard.press('ArrowRight');
    await waitForRun(page, 2);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.reload({ waitUntil: 'load' });
      await panel.waitFor({ state: 'visible' });
      await waitForRun(page, 2);
      expect(await panel.textContent()).toContain('step 2 of 2');
      expect(await page.locator('[data-testid="lesson-seed"]').textContent()).toContain('7');
      await saveScreenshot(page, `gaps-lesson-after-reload-${size.width}`);
    }
    await page.getByRole('button', { name: 'Leave lesson' }).click();
    await panel.waitFor({ state: 'detached' });
    await page.reload({ waitUntil: 'load' });
    await waitForRun(page);
    expect(await panel.count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
