import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appUrl,
  cursorStatus,
  focusBody,
  goToEnd,
  openApp,
  stepTo,
  waitForRun,
  workspaceTab,
} from './support/app';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';

const browser = browserForFile();
const pageErrors: string[] = [];

afterAll(() => {
  expect(pageErrors).toEqual([]);
});

const open = (suffix = '?preset=fig3-broadcast') => openApp(browser, suffix, pageErrors);

const narration = (page: Page) => page.locator('[data-testid="narration"]').textContent();

async function both(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `${name}-1440`);
  await page.setViewportSize({ width: 1024, height: 768 });
  await saveScreenshot(page, `${name}-1024`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('classroom: hand actions, undo, narration', () => {
  it('two hand actions at the end ask nothing; Ctrl+Z undoes them, reset says how to undo', async () => {
    const page = await open();
    await goToEnd(page);
    await page.getByRole('button', { name: 'Raise disk0', exact: true }).click();
    await page.waitForFunction(() =>
      /disk0 has work.*by hand/.test(
        document.querySelector('[data-testid="narration"]')?.textContent ?? '',
      ),
    );
    await page.getByRole('button', { name: 'Raise nic0', exact: true }).click();
    await page.waitForFunction(() =>
      /nic0 has work.*by hand/.test(
        document.querySelector('[data-testid="narration"]')?.textContent ?? '',
      ),
    );
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    const [, withTwo] = await cursorStatus(page);

    await focusBody(page);
    await page.keyboard.press('Control+z');
    await page.locator('[data-testid="notice"]', { hasText: 'Undid raise nic0.' }).waitFor();
    await waitForRun(page);
    const [, withOne] = await cursorStatus(page);
    expect(withOne).toBeLessThan(withTwo);
    await page.keyboard.press('Control+Shift+z');
    await page.locator('[data-testid="notice"]', { hasText: 'Redid raise nic0.' }).waitFor();

    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page
      .locator('[data-testid="notice"]', { hasText: 'Undo (Ctrl+Z) brings back 2 hand actions' })
      .waitFor();
    await waitForRun(page, 0);
    await both(page, 'classroom-reset-undo');
    await page.getByRole('button', { name: 'Undo reset', exact: true }).click();
    await page.waitForFunction(() => {
      const t = document.querySelector('[data-testid="cursor-status"]')?.textContent ?? '';
      return Number(t.split('/')[0]) > 0;
    });
    await page.close();
  });

  it('race-eoi: the narration says the badge once and why the EOI re-delivers', async () => {
    const page = await open('?preset=race-eoi');
    await focusBody(page);
    // Step until the first re-delivery is explained.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('ArrowRight');
      await waitForRun(page, i + 1);
      if (/re-delivers/.test((await narration(page)) ?? '')) break;
    }
    const text = (await narration(page)) ?? '';
    expect(text).toMatch(/nic0's pin fell but the line is still high.*so the EOI re-delivers/);
    await both(page, 'classroom-race-narration');
    // A numbered step: the number once (badge), then the words.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await waitForRun(page);
    const later = (await narration(page)) ?? '';
    expect(later).not.toMatch(/(6[1-5]0)\s*:?\s*\1/);
    await page.close();
  });

  it('storm: the end of the run names what was left unserviced and why', async () => {
    const page = await open('?preset=storm');
    await goToEnd(page);
    const text = (await narration(page)) ?? '';
    expect(text).toMatch(/Left unserviced: nic0 \(the nobody-cared detector disabled INTA/);
    expect(text).toMatch(/stuck0 \(nobody owns it/);
    await both(page, 'classroom-storm-end');
    await page.close();
  });
});

describe('classroom: keyboard', () => {
  it('the first Tab offers a skip link to the player', async () => {
    const page = await open();
    await page.keyboard.press('Tab');
    const link = page.getByRole('link', { name: 'Skip to the player' });
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    await saveScreenshot(page, 'classroom-skip-link-1440');
    await page.keyboard.press('Enter');
    const inPlayer = await page.evaluate(() => document.activeElement?.closest('#player') !== null);
    expect(inPlayer).toBe(true);
    await page.close();
  });

  it('? lists every command and its keys; focus stays inside and comes back', async () => {
    const page = await open();
    const opener = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    for (const want of ['Play / Pause', 'Space', 'Undo', 'Ctrl+Z', 'Ctrl+Y', 'Shift+→']) {
      expect(text, want).toContain(want);
    }
    await both(page, 'classroom-keyboard-help');
    // Tab cycles inside the dialog.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(
        true,
      );
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'Keyboard shortcuts',
    );
    // And the key itself opens it.
    await focusBody(page);
    await page.keyboard.press('?');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('the recompute dialog keeps focus and returns it to the control that opened it', async () => {
    const page = await open();
    await stepTo(page, 10);
    const raise = page.getByRole('button', { name: 'Raise usb0', exact: true });
    await raise.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => !!document.activeElement?.closest('[role="alertdialog"]')),
      ).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'Raise usb0',
    );
    await page.close();
  });

  it('with a policy radio focused, Right steps and the policy stays', async () => {
    const page = await open();
    const radio = page.getByRole('radio', { name: 'Broadcast' });
    await radio.focus();
    await page.keyboard.press('ArrowRight');
    await waitForRun(page, 1);
    expect(await radio.isChecked()).toBe(true);
    expect(await radio.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.close();
  });
});

describe('classroom: what survives a reload', () => {
  it('reloading a ?preset= page keeps its step; an unrun editor draft comes back', async () => {
    const page = await open('?preset=fig4-selective');
    await stepTo(page, 7);
    // Saving is debounced; the page hide flushes it too.
    await page.waitForTimeout(600);
    await page.reload({ waitUntil: 'load' });
    await waitForRun(page, 7);

    await workspaceTab(page, 'Editor').click();
    await page.getByRole('button', { name: 'New empty' }).click();
    await page.getByRole('button', { name: 'Add device' }).click();
    await page.locator('[data-testid="ed-device-dev0"]').waitFor();
    await page.reload({ waitUntil: 'load' });
    await page.locator('[data-testid="app-root"]').waitFor();
    await workspaceTab(page, 'Editor').click();
    await page.locator('[data-testid="ed-device-dev0"]').waitFor();
    await page.close();
  });
});

describe('classroom: editor, compare, scenario select', () => {
  it('flags a storm before it runs, and the select names what changed', async () => {
    const page = await open();
    await page.getByRole('radio', { name: 'Selective' }).check();
    await waitForRun(page);
    const select = page.getByRole('combobox', { name: 'Preset' });
    await page.waitForFunction(() => {
      const s = document.querySelector<HTMLSelectElement>('select[aria-label="Preset"]');
      return s?.selectedOptions[0]?.textContent === 'fig3-broadcast (selective policy)';
    });
    expect(await select.inputValue()).toBe('fig3-broadcast');

    await workspaceTab(page, 'Editor').click();
    await page.getByRole('button', { name: 'New empty' }).click();
    await page.getByRole('button', { name: 'Add device' }).click();
    await page.getByRole('button', { name: 'Add VM' }).click();
    await page.getByRole('button', { name: 'Add raise' }).click();
    const reason = page.locator('[data-testid="ed-run-reason"]');
    expect(await reason.textContent()).toBe('Ready to run.');
    await page.locator('[data-testid="ed-device-dev0"]').getByLabel('vm1').uncheck();
    expect(await reason.textContent()).toMatch(/^Runs, but will storm: "dev0" is raised/);
    await both(page, 'classroom-editor-storm');
    await page.close();
  });
});

describe('classroom: run to a condition, screen summary', () => {
  it('a breakpoint from the menu stops play and Shift+→, with markers on the scrubber', async () => {
    const page = await open('?preset=race-eoi');
    await page.getByText('Break on…').click();
    await page.getByRole('button', { name: 'Re-delivery at an EOI' }).click();
    const breaks = page.locator('[data-testid="scrubber-breaks"]');
    await breaks.waitFor({ state: 'attached' });
    // race-eoi: 9 deliveries for 3 raises, so 6 re-deliveries.
    expect(await breaks.getAttribute('data-count')).toBe('6');
    await both(page, 'classroom-breakpoints-menu');
    // Escape closes the menu (focus goes back to its summary), then Space plays.
    await page.keyboard.press('Escape');
    await focusBody(page);
    await page.keyboard.press(' ');
    // Play stops on the first re-delivery: the narration says why.
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="play-pause"], button[aria-label="Play"]') !== null &&
        /re-delivers/.test(document.querySelector('[data-testid="narration"]')?.textContent ?? ''),
      undefined,
      { timeout: 20_000 },
    );
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    const [first] = await cursorStatus(page);
    await focusBody(page);
    await page.keyboard.press('Shift+ArrowRight');
    await page.waitForFunction(
      (c) =>
        Number(
          document.querySelector('[data-testid="cursor-status"]')?.textContent?.split('/')[0],
        ) > c,
      first,
    );
    expect((await narration(page)) ?? '').toMatch(/re-delivers/);
    // The event log sets one too: the current event's kind.
    await both(page, 'classroom-breakpoint-hit');
    await page.close();
  });

  it('a screen summary reads the state at the cursor', async () => {
    const page = await open();
    await stepTo(page, 12);
    const summary = page.locator('[data-testid="screen-summary"]');
    await page.waitForFunction(() =>
      /Step 12 of 165/.test(
        document.querySelector('[data-testid="screen-summary"]')?.textContent ?? '',
      ),
    );
    const text = (await summary.textContent()) ?? '';
    expect(text).toMatch(/^fig3-broadcast, broadcast policy: 3 devices on 1 line, 3 VMs\./);
    expect(text).toMatch(/Line INTA (high|low), Remote IRR [01]/);
    expect(text).toMatch(/Figure 6: /);
    await page.close();
  });
});

// The app under test answers on this address (used by the helpers).
void appUrl;
