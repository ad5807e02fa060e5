import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Where e2e screenshots go (git-ignored). */
export const SCREENSHOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../screenshots');

/**
 * Saves a PNG of the current viewport as `tests/e2e/screenshots/<name>`
 * (".png" is appended when missing). Returns the file path.
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  const fileName = name.endsWith('.png') ? name : `${name}.png`;
  if (fileName.includes('/') || fileName.includes('\\')) {
    throw new Error(`Screenshot name must be a plain file name, got '${name}'.`);
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, fileName);
  await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled' });
  return path;
}
