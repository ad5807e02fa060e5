import { simulate } from '../engine/engine';
import type { Scenario } from '../engine/scenario';
import { scenarioFromFiles, type DumpFile } from '../machine';
import { findPreset, PRESETS } from '../presets';
import {
  formatError,
  normalizeScenario,
  parseScenarioText,
  serializeScenario,
  serializeTrace,
} from '../trace-io';
import type { ParseResult } from '../trace-io';
import { toVcd } from '../trace-io/export';
import { parseArgs, USAGE, type CliOptions } from './args';
import { runLessonCommand } from './lesson-command';

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
  if (o.listLessons || o.lesson !== null) return runLessonCommand(o, io);
  if (o.fromLspci !== null || o.fromProcInterrupts !== null) return runMachine(o, io);
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
  return runScenario(result.value, o, io);
}

function runScenario(scenario: Scenario, o: CliOptions, io: CliIo): number {
  const trace = simulate(scenario);
  if (o.out !== null) io.writeText(o.out, serializeTrace(trace));
  if (o.vcd !== null) io.writeText(o.vcd, toVcd(trace));
  if (o.summary) io.stdout(`${JSON.stringify(trace.summary, null, 2)}\n`);
  if (o.out === null && o.vcd === null && !o.summary) io.stdout(serializeTrace(trace));
  return 0;
}

/**
 * `--from-lspci` / `--from-proc-interrupts`: build the scenario of a real machine.
 * Alone they print it (the report goes to standard error); with a run flag they run it.
 */
function runMachine(o: CliOptions, io: CliIo): number {
  const read = (name: string | null): DumpFile | null | undefined => {
    if (name === null) return null;
    try {
      return { name, text: io.readText(name) };
    } catch (e) {
      io.stderr(`${name}: cannot read the file (${(e as Error).message})\n`);
      return undefined;
    }
  };
  const lspci = read(o.fromLspci);
  const procInterrupts = read(o.fromProcInterrupts);
  if (lspci === undefined || procInterrupts === undefined) return 1;
  const built = scenarioFromFiles({ lspci, procInterrupts }, o.policy ?? 'broadcast');
  for (const line of built.report) io.stderr(`${line}\n`);
  if (!built.ok) {
    for (const line of built.errors) io.stderr(`${line}\n`);
    return 1;
  }
  const run = o.summary || o.out !== null || o.vcd !== null || o.policy !== null;
  if (!run) {
    io.stdout(serializeScenario(built.scenario));
    return 0;
  }
  return runScenario(built.scenario, o, io);
}

/** The policy override applies before defaults are filled, so policy-dependent defaults follow it. */
function withPolicy(doc: unknown, policy: string | null): unknown {
  if (policy === null || doc === null || typeof doc !== 'object') return doc;
  return { ...(doc as Record<string, unknown>), policy };
}
