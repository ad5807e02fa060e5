// Bundles a TypeScript entry the way the browser receives code (one scope-hoisted
// ESM file, no per-module live-binding getters) and runs it with Node, passing
// along extra Node flags. Used by `npm run bench`, so figures match production.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [entry, ...nodeFlags] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-bundled.mjs ENTRY.ts [node flags]');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'intx-lab-bundle-'));
const outfile = join(dir, 'entry.mjs');
try {
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  const r = spawnSync(process.execPath, [...nodeFlags, outfile], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
