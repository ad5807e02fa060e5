import { describe, expect, it } from 'vitest';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';
import {
  appUrl,
  checkedPolicy,
  choosePolicy,
  cursorStatus,
  openApp,
  presetValue,
  raiseAtEndThenStepTo,
  waitForRun,
} from './support/app';

// Two browsers with their own profiles: the student has no saved work to fall back on.
const teacher = browserForFile();
const student = browserForFile();
const pageErrors: string[] = [];

describe('share links', () => {
  it('a link opened in another browser reproduces the demo exactly', async () => {
    const page = await openApp(teacher, '?preset=fig3-broadcast', pageErrors);
    const [, presetCount] = await cursorStatus(page);
    await choosePolicy(page, 'Selective');
    // A hand edit at the end, then back to a point in the middle.
    await raiseAtEndThenStepTo(page, 'disk0', 23);
    const [cursor, count] = await cursorStatus(page);
    const narration = await page.locator('[data-testid="narration"]').textContent();
    const spurious = await page.locator('[data-testid="spurious-status"]').textContent();

    await page.getByRole('button', { name: 'Share link' }).click();
    const field = page.getByTestId('share-url');
    await field.waitFor({ state: 'visible' });
    const link = await field.inputValue();
    expect(link.startsWith(appUrl())).toBe(true);
    expect(new URL(link).hash).toMatch(/^#intx=1&cursor=23&preset=fig3-broadcast&scenario=[\w-]+$/);
    expect(await page.getByRole('dialog', { name: 'Share link' }).textContent()).toContain(
      'at event 23',
    );
    await saveScreenshot(page, 'share-link-panel');
    await page.keyboard.press('Escape');
    await field.waitFor({ state: 'hidden' });

    const other = await student.newPage();
    other.on('pageerror', (error) => pageErrors.push(error.message));
    await other.goto(link, { waitUntil: 'load' });
    await waitForRun(other, cursor);
    expect(await cursorStatus(other)).toEqual([cursor, count]);
    expect(await checkedPolicy(other)).toBe('selective');
    expect(await presetValue(other)).toBe('fig3-broadcast');
    expect(await other.locator('[data-testid="narration"]').textContent()).toBe(narration);
    expect(await other.locator('[data-testid="spurious-status"]').textContent()).toBe(spurious);
    expect(await other.locator('.banner').count()).toBe(0);
    // The link's work is now this page's work: the fragment is dropped from the address.
    await other.waitForFunction(() => location.hash === '');
    await saveScreenshot(other, 'share-link-opened');

    // "Reset to preset" goes back to the built-in scenario (broadcast, no hand raise).
    await other.getByRole('button', { name: 'Reset to preset' }).click();
    await waitForRun(other, 0);
    expect(await checkedPolicy(other)).toBe('broadcast');
    expect(await cursorStatus(other)).toEqual([0, presetCount]);
    expect(presetCount).not.toBe(count);
    await other.close();
    await page.close();
  });

  it('a damaged link says so and still starts on the default preset', async () => {
    const page = await openApp(student, '#intx=1&cursor=3&scenario=q1w2e3r4t5', pageErrors);
    const notice = page.locator('.banner.notice[role="status"]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toMatch(/This share link is damaged/);
    // The default preset's graph is drawn a frame after its run (the first draw's stages).
    await page.locator('[data-testid="device-nic0"]').waitFor({ state: 'visible' });
    await saveScreenshot(page, 'share-link-damaged');
    await page.close();
  });

  it('a link to an invalid scenario names the JSON path', async () => {
    // A valid fig2 link, with its scenario swapped for one whose device names an unknown line.
    const page = await openApp(student, '?preset=fig2-native', pageErrors);
    await page.getByRole('button', { name: 'Share link' }).click();
    const link = new URL(await page.getByTestId('share-url').inputValue());
    const bad = await page.evaluate(async (fragment) => {
      const params = new URLSearchParams(fragment.slice(1));
      const b64 = params.get('scenario')!.replace(/-/g, '+').replace(/_/g, '/');
      const packed = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) =>
        c.charCodeAt(0),
      );
      const text = await new Response(
        new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate-raw')),
      ).text();
      const scenario = JSON.parse(text);
      scenario.devices[0].line = 'NOWHERE';
      const out = new Uint8Array(
        await new Response(
          new Blob([JSON.stringify(scenario)])
            .stream()
            .pipeThrough(new CompressionStream('deflate-raw')),
        ).arrayBuffer(),
      );
      const encoded = btoa(String.fromCharCode(...out))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
      params.set('scenario', encoded);
      return params.toString();
    }, link.hash);
    await page.close();
    const opened = await openApp(student, `#${bad}`, pageErrors);
    const notice = opened.locator('.banner.notice[role="status"]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toMatch(/share link: \$\.devices\[0\]\.line/);
    await opened.close();
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
