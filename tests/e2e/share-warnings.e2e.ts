import { describe, expect, it } from 'vitest';
import { findPreset } from '../../src/presets';
import { toBase64Url } from '../../src/share/base64url';
import { deflateRaw } from '../../src/share/deflate';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';
import { appUrl, openApp, waitForRun } from './support/app';

const browser = browserForFile();
const pageErrors: string[] = [];

/** fig4-selective's file with `pci32: false` on its first device (a near name of pci23). */
function withPci32(): Record<string, unknown> {
  const file = findPreset('fig4-selective')!.file as { devices: object[] };
  const devices = file.devices.map((d, i) => (i === 0 ? { ...d, pci32: false } : d));
  return { ...file, devices };
}

/** A share fragment whose scenario is fig4-selective with `pci32: false` on its first device. */
async function fragmentWithPci32(): Promise<string> {
  const text = JSON.stringify(withPci32());
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

  it('work saved in this browser with "pci32" shows the same warning when restored', async () => {
    const work = {
      format: 'intx-lab/work',
      version: 1,
      savedAt: '2026-01-01T00:00:00.000Z',
      presetName: null,
      cursor: 4,
      scenario: withPci32(),
    };
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Written before the app's own scripts run, as a newer version or a hand edit would leave it.
    await page.addInitScript(
      (text) => localStorage.setItem('intx-lab:work:v1', text),
      JSON.stringify(work),
    );
    await page.goto(appUrl(), { waitUntil: 'load' });
    await waitForRun(page, 4);
    const badge = page.getByTestId('opened-badge');
    await badge.waitFor({ state: 'visible' });
    expect(await badge.textContent()).toContain('Restored work');
    expect(await badge.getByRole('listitem').allTextContents()).toEqual([
      'saved work: $.scenario.devices[0].pci32: unknown field "pci32" is ignored; did you mean "pci23"?',
    ]);
    await saveScreenshot(page, 'saved-work-warnings-1440');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
