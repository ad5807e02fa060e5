import { expect, inject, test } from 'vitest';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';

const browser = browserForFile();

test('the app loads and renders its root element', async () => {
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto(inject('baseUrl'), { waitUntil: 'load' });

  const root = page.locator('[data-testid="app-root"]');
  try {
    await root.waitFor({ state: 'visible', timeout: 30_000 });
  } catch (error) {
    await saveScreenshot(page, 'smoke-failure.png');
    const detail = pageErrors.length
      ? `\nUncaught errors in the page:\n${pageErrors.join('\n')}`
      : '';
    throw new Error(`[data-testid="app-root"] did not become visible.${detail}`, { cause: error });
  }

  expect(await page.title()).toContain('INTx Lab');
  expect(await root.isVisible()).toBe(true);

  await saveScreenshot(page, 'smoke.png');
  await page.close();
});
