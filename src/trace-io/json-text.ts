/**
 * Stage 1 of reading a file: text to a JSON value, with the syntax error
 * placed at a line and column (engines report a character offset, or nothing).
 */
import { findJsonError } from './json-position';
import { fail, ok, type ParseResult } from './result';

function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/**
 * One message whatever the engine: the first error by the grammar, at its
 * line and column. Engine messages vary (V8 quotes a snippet and sometimes no
 * position, SpiderMonkey and JavaScriptCore word it their own way), so they
 * are only the fallback should the grammar find nothing wrong.
 */
function describeSyntaxError(text: string, raw: string): string {
  const found = findJsonError(text);
  if (found) return `invalid JSON at ${lineAndColumn(text, found.offset)}: ${found.message}`;
  let message = raw.replace(/^JSON\.parse: /, '');
  // Newer V8 quotes the input: `Unexpected token 'x', "{x" is not valid JSON`.
  message = message.replace(/, ".*" is not valid JSON$/s, '');
  const position = /(?: in JSON)? at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  if (position) {
    message = message.replace(position[0], '');
    return `invalid JSON at ${lineAndColumn(text, Number(position[1]))}: ${message}`;
  }
  return `invalid JSON: ${message}`;
}

/** Only a mismatched extension is worth a hint; a .json file with a typo is just a typo. */
function extensionHint(fileName: string | undefined): string {
  if (!fileName) return '';
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1];
  if (!extension || extension.toLowerCase() === 'json') return '';
  return ` (INTx Lab reads JSON files; ${JSON.stringify(fileName)} is a .${extension} file)`;
}

export function parseJsonText(text: string, fileName?: string): ParseResult<unknown> {
  // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return fail('$', `the file is empty${extensionHint(fileName)}`);
  try {
    return ok(JSON.parse(body) as unknown);
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    return fail('$', describeSyntaxError(body, raw) + extensionHint(fileName));
  }
}
