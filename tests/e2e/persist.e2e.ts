import { describe, expect, it } from 'vitest';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';
import {
  checkedPolicy,
  choosePolicy,
  cursorStatus,
  openApp,
  presetValue,
  raiseAtEndThenStepTo,
  waitForRun,
} from './support/app';

const browser = browserForFile();
const pageErrors: string[] = [];

describe('work survives a reload', () => {
  it('keeps the scenario, its edits and the cursor; reset to preset starts over', async () => {
    const page = await openApp(browser, '', pageErrors);
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('fig4-selective');
    await page.locator('[data-testid="entity-vm3"]').waitFor({ state: 'visible' });
    await waitForRun(page, 0);
    const [, presetCount] = await cursorStatus(page);
    await choosePolicy(page, 'Broadcast');
    await raiseAtEndThenStepTo(page, 'usb0', 17);
    const before = await cursorStatus(page);
    const narration = await page.locator('[data-testid="narration"]').textContent();

    // Reload at once: the last step is saved when the page goes away.
    await page.reload({ waitUntil: 'load' });
    await waitForRun(page, 17);
    expect(await cursorStatus(page)).toEqual(before);
    expect(await presetValue(page)).toBe('fig4-selective');
    expect(await checkedPolicy(page)).toBe('broadcast');
    expect(await page.locator('[data-testid="narration"]').textContent()).toBe(narration);
    expect(await page.locator('.banner').count()).toBe(0);
    await saveScreenshot(page, 'persist-after-reload');

    const reset = page.getByRole('button', { name: 'Reset to preset' });
    await reset.click();
    await waitForRun(page, 0);
    expect(await cursorStatus(page)).toEqual([0, presetCount]);
    expect(await checkedPolicy(page)).toBe('selective');
    await page.reload({ waitUntil: 'load' });
    await waitForRun(page, 0);
    expect(await cursorStatus(page)).toEqual([0, presetCount]);
    await page.close();
  });

  it('keeps saved work that no longer reads aside, says so and starts on the default', async () => {
    const page = await openApp(browser, '', pageErrors);
    const broken = await page.evaluate(() => {
      const text = localStorage.getItem('intx-lab:work:v1')!;
      const doc = JSON.parse(text);
      doc.scenario.entities[0].isrs[0].device = 'ghost';
      const changed = JSON.stringify(doc);
      localStorage.setItem('intx-lab:work:v1', changed);
      return changed;
    });
    await page.reload({ waitUntil: 'load' });
    await waitForRun(page);
    const notice = page.locator('.banner.notice[role="status"]');
    await notice.waitFor({ state: 'visible' });
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(/saved work: \$\.scenario\.entities\[0\]\.isrs\[0\]\.device/);
    expect(text).toContain('fig3-broadcast');
    const key = /"(intx-lab:work:kept-aside:[^"]+)"/.exec(text)?.[1];
    expect(key).toBeTruthy();
    expect(await page.evaluate((k) => localStorage.getItem(k), key!)).toBe(broken);
    expect(await presetValue(page)).toBe('fig3-broadcast');
    await saveScreenshot(page, 'persist-kept-aside');
    await page.close();
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
