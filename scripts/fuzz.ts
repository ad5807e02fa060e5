/**
 * `npm run fuzz [-- --inputs N --seed S]`: the robustness campaigns of
 * tests/fuzz/campaigns.ts with a bounded budget, seeded so a run can be
 * repeated. Prints one line per campaign and exits non-zero on any crash,
 * hang, unclear refusal or lost data.
 */
import { runAll } from '../tests/fuzz/campaigns';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    process.stderr.write(`fuzz: --${name} must be a whole number >= 1\n`);
    process.exit(2);
  }
  return value;
}

const inputs = option('inputs', 2200);
const seed = option('seed', 14);
const started = Date.now();
const figures = await runAll(inputs, seed);
let bad = 0;
for (const f of figures) {
  bad += f.crashes + f.hangs + f.unclear + f.lost;
  process.stdout.write(
    `${f.campaign.padEnd(10)} inputs ${String(f.tried).padStart(5)}  crashes ${f.crashes}  hangs ${f.hangs}  unclear refusals ${f.unclear}  data lost ${f.lost}${f.ambiguous > 0 ? `  (ambiguous by design: ${f.ambiguous})` : ''}\n`,
  );
  for (const e of f.examples) process.stdout.write(`  e.g. ${e}\n`);
}
const total = figures.reduce((n, f) => n + f.tried, 0);
process.stdout.write(
  `total      inputs ${total} (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
process.exitCode = bad > 0 ? 1 : 0;
