import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';

const browser = browserForFile();

async function openPreset(preset: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${inject('baseUrl')}?preset=${preset}`, { waitUntil: 'load' });
  await page.locator('[data-testid="host"]').waitFor({ state: 'visible', timeout: 30_000 });
  return { page, errors };
}

/** The Figure 6 box lit in the run's own row ('' when none). */
async function litBox(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      document
        .querySelector('.flow-row:not(.reference) [aria-current="step"]')
        ?.getAttribute('data-box') ?? '',
  );
}

/** Steps with the arrow key until the narration names `box`, at most `limit` steps. */
async function stepUntilNarration(page: Page, box: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    const text = (await page.locator('[data-testid="narration"]').textContent()) ?? '';
    if (text.startsWith(box)) return;
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(20);
  }
  throw new Error(`no step narrated ${box} within ${limit} steps`);
}

describe('Figure 6 panel and metrics', () => {
  it('lights 620 then 630 as a selective interrupt is stepped, and back again', async () => {
    const { page, errors } = await openPreset('fig4-selective');
    expect(await litBox(page)).toBe('');
    await stepUntilNarration(page, '620');
    await expect.poll(() => litBox(page)).toBe('620');
    await stepUntilNarration(page, '630');
    await expect.poll(() => litBox(page)).toBe('630');
    await page.keyboard.press('Home');
    await expect.poll(() => litBox(page)).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the metrics panel with the engine numbers at the cursor and for the run', async () => {
    const { page, errors } = await openPreset('fig3-broadcast');
    await page.locator('.panels-menu summary').click();
    const toggle = page.getByRole('button', { name: 'Metrics' });
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await page.keyboard.press('Escape');
    expect(await page.locator('.panels-menu').getAttribute('open')).toBeNull();
    const metrics = page.locator('[data-testid="metrics"]');
    await metrics.waitFor({ state: 'visible' });
    const switches = page.locator('dd[data-metric="Context switches"]');
    await expect.poll(() => switches.textContent()).toBe('0');
    await page.getByRole('radio', { name: 'Whole run' }).click();
    await expect.poll(() => switches.textContent()).toBe('12');
    await page.getByRole('radio', { name: 'At cursor' }).click();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('End');
    await expect.poll(() => switches.textContent()).toBe('12');
    expect(await page.locator('.bar-chart rect.bar').count()).toBe(3);
    await page.keyboard.press('Home');
    await stepUntilNarration(page, '640');
    await saveScreenshot(page, 'flow-and-metrics');
    expect(errors).toEqual([]);
    await page.close();
  });
});
