import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './browser';

/**
 * One browser for the tests of the calling file: launched in `beforeAll`, closed (and its
 * profile deleted) in `afterAll`. The returned object stands for it; it may only be used
 * inside tests and later hooks, once `beforeAll` has run.
 */
export function browserForFile(): LaunchedBrowser {
  let launched: LaunchedBrowser | undefined;
  beforeAll(async () => {
    launched = await launchBrowser();
  });
  afterAll(async () => {
    await launched?.close();
  });
  const current = (): LaunchedBrowser => {
    if (launched === undefined)
      throw new Error('the browser is launched in beforeAll; use it in a test');
    return launched;
  };
  return {
    get context() {
      return current().context;
    },
    get userDataDir() {
      return current().userDataDir;
    },
    get executablePath() {
      return current().executablePath;
    },
    newPage: (url) => current().newPage(url),
    close: () => launched?.close() ?? Promise.resolve(),
  };
}
