import type { Page } from 'playwright-core';
import { openPreset } from './app-page';
import { runProfile as runTraced } from './chrome-trace';
import { traceOpener } from './imported-trace';

/**
 * A profile script's whole run on one page: serves dist/ (of PROFILE_ROOT when
 * set), opens the page for `preset` (`imported`: run.ts's 100 MB trace, opened
 * with the Open file input), lets `measure` record it, prints what it returns as
 * one JSON document, and closes everything, also on failure. The scripts that
 * open the page themselves (open-profile.ts) use chrome-trace.ts's runProfile.
 */
export function runProfile(preset: string, measure: (page: Page) => Promise<object>): void {
  runTraced(preset === 'imported', async ({ app, browser, file }) => {
    const { page } = file
      ? await traceOpener(app.url, file)(browser)
      : await openPreset(browser, app.url, preset);
    return measure(page);
  });
}
