import * as z from 'zod';

/**
 * The one place the file-format code gets zod from. zod compiles fast
 * validators with `new Function` and probes for it once; on a page under a
 * Content-Security-Policy without eval that probe is reported as a violation,
 * so on a page (not in the worker or Node, where the fast path is allowed and
 * faster) it is switched off before any schema is built. Every schema module
 * imports zod from here, so this runs first whatever way the bundler splits
 * the code.
 */
if ('document' in globalThis) z.config({ jitless: true });

export { z };
