import * as z from 'zod';

/**
 * Imported first by the page: zod compiles fast validators with `new Function`
 * and probes for it once, which the page's Content-Security-Policy (no eval)
 * reports as a violation. Validation works the same without; it must be set
 * before any schema is built, hence its own module imported before the app.
 */
z.config({ jitless: true });
