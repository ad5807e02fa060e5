import { simulate } from '../engine/engine';
import type { Scenario } from '../engine/scenario';
import { scenarioFromFiles, type DumpFile } from '../machine';
import { findPreset, PRESETS } from '../presets';
import {
  formatError,
  normalizeScenario,
  parseScenarioText,
  scenarioTextWarnings,
  serializeScenario,
  traceParts,
} from '../trace-io';
import type { ParseResult } from '../trace-io';
import { toVcd } from '../trace-io/export';
import { jsonPath } from '../trace-io/result';
import { retainedRunProblems } from '../trace-io/run-bounds';
import { parseArgs, USAGE, type CliOptions } from './args';
import { runLessonCommand } from './lesson-command';

/**
 * The command line as a function: arguments and a file system in, exit code and
 * outputs out, so tests can run it without spawning a process.
 */
export interface CliIo {
  /** The file's text; throws when it cannot be read or is not UTF-8 (see `decodeFileText`). */
  readText(path: string): string;
  /** Writes the text, given whole or in pieces (a long trace does not fit in one string). */
  writeText(path: string, text: string | Iterable<string>): void;
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
    result = normalizeScenario(withOverrides(preset.file, o));
  } else {
    let text: string;
    try {
      text = io.readText(source);
    } catch (e) {
      io.stderr(`${source}: $: ${readProblem(e as Error)}\n`);
      return 1;
    }
    result = parseScenarioText(text, source);
    // Fields the format does not know are ignored; say so, with the near name.
    for (const w of scenarioTextWarnings(text, source)) io.stderr(`${formatError(source, w)}\n`);
    if (result.ok && (o.policy !== null || o.host !== null))
      result = normalizeScenario(withOverrides(result.value, o));
  }
  if (!result.ok) {
    for (const err of result.errors) io.stderr(`${formatError(source, err)}\n`);
    return 1;
  }
  return runScenario(result.value, o, io, source);
}

function runScenario(scenario: Scenario, o: CliOptions, io: CliIo, source: string): number {
  // Estimated before running: a run that cannot fit is refused, not left to die out of memory.
  const tooBig = retainedRunProblems(scenario);
  if (tooBig.length > 0) {
    for (const p of tooBig)
      io.stderr(`${formatError(source, { path: jsonPath(p.path), message: p.message })}\n`);
    return 1;
  }
  const trace = simulate(scenario);
  if (o.out !== null && !write(io, o.out, 'the trace', () => traceParts(trace))) return 1;
  if (o.vcd !== null && !write(io, o.vcd, 'the VCD waveforms', () => toVcd(trace))) return 1;
  if (o.summary) io.stdout(`${JSON.stringify(trace.summary, null, 2)}\n`);
  if (o.out === null && o.vcd === null && !o.summary)
    for (const part of traceParts(trace)) io.stdout(part);
  return 0;
}

/** Writes one output file; a refusal (no such folder, no permission, disk full) is one line. */
function write(
  io: CliIo,
  path: string,
  what: string,
  text: () => string | Iterable<string>,
): boolean {
  try {
    io.writeText(path, text());
    return true;
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    io.stderr(`sim: cannot write ${what} to ${path}: ${describeFsError(error)}\n`);
    return false;
  }
}

/** A file system refusal (it has a code) or what is wrong with the content (not UTF-8). */
function readProblem(error: NodeJS.ErrnoException): string {
  return error.code ? `cannot read the file: ${describeFsError(error)}` : error.message;
}

/** `ENOENT: no such file or directory, open 'x'` -> `no such file or directory (ENOENT)`. */
export function describeFsError(error: NodeJS.ErrnoException): string {
  const message = error.message ?? String(error);
  if (!error.code) return message;
  const words = message.replace(new RegExp(`^${error.code}: `), '').replace(/, \w+ '.*'$/, '');
  return `${words} (${error.code})`;
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
      io.stderr(`${name}: ${readProblem(e as Error)}\n`);
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
  const run = o.summary || o.out !== null || o.vcd !== null || o.policy !== null || o.host !== null;
  if (!run) {
    io.stdout(serializeScenario(built.scenario));
    return 0;
  }
  // The policy was given to the builder; the host profile is set as on a scenario file.
  let scenario = built.scenario;
  if (o.host !== null) {
    const withHost = normalizeScenario(withOverrides(built.scenario, o));
    if (!withHost.ok) {
      for (const err of withHost.errors) io.stderr(`${formatError('--host', err)}\n`);
      return 1;
    }
    scenario = withHost.value;
  }
  return runScenario(
    scenario,
    o,
    io,
    [o.fromLspci, o.fromProcInterrupts].filter(Boolean).join(', '),
  );
}

/**
 * `--policy` / `--host` apply before defaults are filled, so defaults that depend on them follow
 * them; a flag not given keeps the scenario's own value.
 */
function withOverrides(doc: unknown, o: Pick<CliOptions, 'policy' | 'host'>): unknown {
  if (doc === null || typeof doc !== 'object') return doc;
  const over: Record<string, unknown> = {};
  if (o.policy !== null) over['policy'] = o.policy;
  if (o.host !== null) over['host'] = o.host;
  return { ...(doc as Record<string, unknown>), ...over };
}
