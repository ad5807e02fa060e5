import { simulate } from '../engine/engine';
import type { Scenario } from '../engine/scenario';
import { findPreset, PRESETS } from '../presets';
import { formatError, normalizeScenario, parseScenarioText, serializeTrace } from '../trace-io';
import type { ParseResult } from '../trace-io';
import { toVcd } from '../trace-io/export';
import { parseArgs, USAGE } from './args';

/**
 * The command line as a function: arguments and a file system in, exit code and
 * outputs out, so tests can run it without spawning a process.
 */
export interface CliIo {
  readText(path: string): string;
  writeText(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
}

export function runCli(argv: readonly string[], io: CliIo): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`sim: ${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  const o = parsed.options;
  if (o.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (o.listPresets) {
    for (const p of PRESETS) io.stdout(`${p.name.padEnd(18)} ${p.teaches}\n`);
    return 0;
  }
  const source = o.preset !== null ? `preset ${o.preset}` : (o.scenarioFile as string);
  let result: ParseResult<Scenario>;
  if (o.preset !== null) {
    const preset = findPreset(o.preset);
    if (!preset) {
      io.stderr(
        `sim: unknown preset "${o.preset}"; known: ${PRESETS.map((p) => p.name).join(', ')}\n`,
      );
      return 2;
    }
    result = normalizeScenario(withPolicy(preset.file, o.policy));
  } else {
    let text: string;
    try {
      text = io.readText(source);
    } catch (e) {
      io.stderr(`${source}: $: cannot read the file (${(e as Error).message})\n`);
      return 1;
    }
    result = parseScenarioText(text, source);
    if (result.ok && o.policy !== null)
      result = normalizeScenario(withPolicy(result.value, o.policy));
  }
  if (!result.ok) {
    for (const err of result.errors) io.stderr(`${formatError(source, err)}\n`);
    return 1;
  }
  const trace = simulate(result.value);
  if (o.out !== null) io.writeText(o.out, serializeTrace(trace));
  if (o.vcd !== null) io.writeText(o.vcd, toVcd(trace));
  if (o.summary) io.stdout(`${JSON.stringify(trace.summary, null, 2)}\n`);
  if (o.out === null && o.vcd === null && !o.summary) io.stdout(serializeTrace(trace));
  return 0;
}

/** The policy override applies before defaults are filled, so policy-dependent defaults follow it. */
function withPolicy(doc: unknown, policy: string | null): unknown {
  if (policy === null || doc === null || typeof doc !== 'object') return doc;
  return { ...(doc as Record<string, unknown>), policy };
}
