import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserForFile } from './support/file-browser';
import { focusBody, openApp, stepTo, waitForRun } from './support/app';

const browser = browserForFile();
const pageErrors: string[] = [];

beforeAll(async () => {
  // Recorded from the first script on: init scripts are not subject to the page's policy.
  await browser.context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
});

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

describe('Content-Security-Policy', () => {
  it('the built page carries a policy without inline scripts and works under it', async () => {
    const consoleViolations: string[] = [];
    const opened = await openApp(browser, '?preset=fig5-gates', pageErrors);
    const policy = await opened
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(policy).toContain("worker-src 'self' blob:");
    expect(await opened.locator('script:not([src])').count()).toBe(0);

    opened.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) consoleViolations.push(msg.text());
    });
    // Use the app: steps, a device's gates, every workspace, the menus.
    await stepTo(opened, 12);
    const tabs = opened.getByRole('navigation', { name: 'Workspaces' }).getByRole('button');
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      await opened.waitForTimeout(200);
    }
    if ((await tabs.count()) > 0) await tabs.first().click();
    await waitForRun(opened);
    await opened.getByRole('button', { name: 'Share link' }).click();
    await opened.getByTestId('share-url').waitFor({ state: 'visible' });
    await opened.keyboard.press('Escape');
    await opened.getByText('Export', { exact: true }).click();
    await focusBody(opened);
    expect(await violations(opened)).toEqual([]);
    expect(consoleViolations).toEqual([]);

    // The policy is enforced: an injected inline script does not run, and is reported.
    const ran = await opened.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    expect((await violations(opened)).some((v) => v.startsWith('script-src'))).toBe(true);
    await opened.close();
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
