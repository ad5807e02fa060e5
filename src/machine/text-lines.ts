/**
 * Turns pasted text back into the lines the command printed. Mail clients and
 * chat windows wrap long lines, quote with `>`, turn tabs into spaces and end
 * lines with CR LF; each reader says which physical lines start a new logical
 * line, and every other line is glued back to the one before it.
 */

/** A line as the command printed it; `line` is where it starts in the pasted text (1-based). */
export interface LogicalLine {
  text: string;
  line: number;
}

/** Physical lines without CR, with a mail quote prefix (`> `) removed when every line has one. */
export function physicalLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const filled = lines.filter((l) => l.trim() !== '');
  const quoted = filled.length > 0 && filled.every((l) => /^\s*>/.test(l));
  return quoted ? lines.map((l) => l.replace(/^\s*>+ ?/, '')) : lines;
}

/**
 * Joins each physical line for which `startsLine` is false to the logical line
 * before it, with one space (wrapping happens at spaces). A continuation with
 * nothing before it becomes a line of its own so the reader can report it.
 */
export function unwrap(
  lines: readonly string[],
  startsLine: (text: string, previous: string) => boolean,
): LogicalLine[] {
  const out: LogicalLine[] = [];
  lines.forEach((text, i) => {
    const last = out[out.length - 1];
    if (text.trim() === '') {
      out.push({ text: '', line: i + 1 });
    } else if (last !== undefined && last.text !== '' && !startsLine(text, last.text)) {
      last.text = `${last.text.trimEnd()} ${text.trim()}`;
    } else {
      out.push({ text: text.trimEnd(), line: i + 1 });
    }
  });
  return out;
}

/** A shell prompt line such as `$ sudo lspci -vvv`: understood, and of no interest. */
export function isPromptLine(text: string): boolean {
  return /^\s*(\S*[$#%>]\s*)?(sudo\s+)?(cat\s+\/proc\/interrupts|\/?\S*lspci)\b/.test(text);
}

/** Shortens a line for a report, so one bad paste cannot flood the page. */
export function excerpt(text: string, max = 100): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
