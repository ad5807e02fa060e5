import type { LaunchedBrowser } from '../../e2e/support/browser';
import { newBenchPage, settle, type OpenedApp } from './app-page';

/** Steps on the floor page before it wraps to 0 (the app's Home is sent at its end). */
const FLOOR_EVENTS = 1_000_000;

/**
 * The step benchmark's floor: a bare page with the same status line markup
 * whose ArrowRight listener changes one text node, and Home sets it to 0. The
 * same probe measured there is what the browser itself costs for a key press,
 * a DOM change and a frame; the app's figures are reported as ratios to it.
 */
export async function openFloorPage(browser: LaunchedBrowser): Promise<OpenedApp> {
  const page = await newBenchPage(browser);
  await page.setContent(
    `<!doctype html><html lang="en"><body><p data-testid="status">` +
      `<span data-testid="cursor-status">0 / ${FLOOR_EVENTS}</span></p></body></html>`,
  );
  // No navigation, so the page's `__name` init script did not run here (see newBenchPage).
  await page.evaluate('globalThis.__name = (fn) => fn');
  await page.evaluate((n) => {
    const node = document.querySelector('[data-testid="cursor-status"]')!.firstChild!;
    let cursor = 0;
    window.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight') cursor = Math.min(n, cursor + 1);
      else if (e.key === 'Home') cursor = 0;
      else return;
      node.textContent = `${cursor} / ${n}`;
    });
  }, FLOOR_EVENTS);
  await settle(page);
  return { page, eventCount: FLOOR_EVENTS };
}
