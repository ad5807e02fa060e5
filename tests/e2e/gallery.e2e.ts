import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PRESETS } from '../../src/presets';
import { browserForFile } from './support/file-browser';
import { waitForDefaultGraph, workspaceTab } from './support/app';
import { saveScreenshot } from './support/screenshot';

const browser = browserForFile();
const pageErrors: string[] = [];

async function openGallery(): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${inject('baseUrl')}`, { waitUntil: 'load' });
  await waitForDefaultGraph(page, pageErrors);
  await workspaceTab(page, 'Presets').click();
  await page.locator('[data-testid^="preset-card-"]').first().waitFor({ state: 'visible' });
  return page;
}

describe('presets gallery', () => {
  it('lists every preset with what it teaches; Open runs one in the visualizer', async () => {
    const page = await openGallery();
    expect(await page.locator('[data-testid^="preset-card-"]').count()).toBe(PRESETS.length);
    const legacy = page.locator('[data-testid="preset-card-legacy-device"]');
    expect(await legacy.textContent()).toContain(
      PRESETS.find((p) => p.name === 'legacy-device')!.teaches,
    );
    await saveScreenshot(page, 'gallery', { fullPage: true });

    await page.getByRole('button', { name: 'Open fig4-selective' }).click();
    await page.waitForFunction(
      () =>
        (document.querySelector('select[aria-label="Preset"]') as HTMLSelectElement | null)
          ?.value === 'fig4-selective',
    );
    expect(await workspaceTab(page, 'Visualize').getAttribute('aria-current')).toBe('page');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('Edit a copy opens the preset in the editor', async () => {
    const page = await openGallery();
    await page.getByRole('button', { name: 'Edit a copy of legacy-device' }).click();
    await page.locator('[data-testid="editor"]').waitFor({ state: 'visible' });
    expect(await workspaceTab(page, 'Editor').getAttribute('aria-current')).toBe('page');
    const name = await page.getByRole('textbox', { name: 'Name' }).inputValue();
    expect(name.length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="editor"]').textContent()).toMatch(/predates PCI 2\.3/);
    await saveScreenshot(page, 'gallery-edit-a-copy');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('opened with the keyboard, a preset leaves focus on the Visualize tab; the arrows step', async () => {
    const page = await openGallery();
    await page.getByRole('button', { name: 'Open fig4-selective' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        (document.querySelector('select[aria-label="Preset"]') as HTMLSelectElement | null)
          ?.value === 'fig4-selective',
    );
    const tab = workspaceTab(page, 'Visualize');
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-current') === 'page',
    );
    expect(await tab.evaluate((el) => el === document.activeElement)).toBe(true);
    // The run has loaded (the player's Forward is enabled) and focus stayed put.
    await page.locator('#player button[aria-label="Forward"]:not([disabled])').waitFor();
    expect(await tab.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() =>
      /Step\s*1\s*\//.test(document.querySelector('#player')?.textContent ?? ''),
    );
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
