import { formatError, parseScenarioText, parseTraceText } from '../trace-io';

/**
 * A scenario or trace file is read back before it is offered for download,
 * by the same reader and schema (the one `public/schema/` is generated from)
 * that will open it later: a file the app writes but cannot read would be
 * found at export, not by a student a week later.
 * Returns the text unchanged, or throws with the first problems.
 */
export function readBack(kind: 'trace' | 'scenario', fileName: string, text: string): string {
  const result = kind === 'trace' ? parseTraceText(text) : parseScenarioText(text);
  if (result.ok) return text;
  const shown = result.errors.slice(0, 3).map((e) => formatError(fileName, e));
  throw new Error(`the exported ${kind} does not pass the published schema: ${shown.join('; ')}`);
}
