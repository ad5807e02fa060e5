import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '../../src/presets';
import { toBase64Url } from '../../src/share/base64url';
import { deflateRaw } from '../../src/share/deflate';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { saveScreenshot } from './support/screenshot';
import { openApp } from './support/app';

let browser: LaunchedBrowser;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A share fragment whose scenario is fig4-selective with `pci32: false` on its first device. */
async function fragmentWithPci32(): Promise<string> {
  const file = findPreset('fig4-selective')!.file as { devices: object[] };
  const devices = file.devices.map((d, i) => (i === 0 ? { ...d, pci32: false } : d));
  const text = JSON.stringify({ ...file, devices });
  const packed = toBase64Url(await deflateRaw(new TextEncoder().encode(text)));
  return `#intx=1&cursor=5&scenario=${packed}`;
}

describe('unknown fields of a shared scenario', () => {
  it('a share link with "pci32" shows the warning by JSON path, suggesting pci23', async () => {
    const page = await openApp(browser, await fragmentWithPci32(), pageErrors);
    const badge = page.getByTestId('opened-badge');
    await badge.waitFor({ state: 'visible' });
    expect(await badge.textContent()).toContain('share link');
    const notes = badge.getByRole('list', { name: /fields ignored/ });
    expect(await notes.getByRole('listitem').allTextContents()).toEqual([
      'share link: $.devices[0].pci32: unknown field "pci32" is ignored; did you mean "pci23"?',
    ]);
    await saveScreenshot(page, 'share-warnings-1440');
    await page.setViewportSize({ width: 1024, height: 768 });
    await saveScreenshot(page, 'share-warnings-1024');

    // Dismissing it (keyboard) removes the badge; the work stays open.
    await badge.getByRole('button', { name: 'Dismiss' }).focus();
    await page.keyboard.press('Enter');
    await badge.waitFor({ state: 'hidden' });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
