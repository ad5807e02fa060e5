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

/** How a reader's text wraps: the narrowest window undone, and the blanks a cut may eat. */
export interface WrapRule {
  /** Narrowest wrap undone, in columns. */
  minWidth: number;
  /**
   * Spaces a wrap may have eaten at the end of the cut line: mailers drop
   * trailing blanks; lspci separates words by one, /proc/interrupts pads its
   * columns with up to 8.
   */
  lostSpaces: number;
}

/**
 * Joins each physical line for which `startsLine` is false to the logical line
 * before it, with one space (wrapping happens at spaces). `previous` is the
 * first physical line of that logical line. A mail client or chat window wraps
 * a line only when the next word would not fit in `minWidth` columns or more,
 * so a line continues the one before it only if that one was long enough to
 * have been cut there. A continuation with nothing before it, or after a line
 * too short to have been wrapped (a stray line typed into the dump), becomes a
 * line of its own so the reader can report it.
 *
 * Linear in the text: the pieces of a logical line are joined once at the end
 * (re-copying the growing line for each piece made a long paste quadratic).
 */
export function unwrap(
  lines: readonly string[],
  startsLine: (text: string, previous: string) => boolean,
  rule: WrapRule,
): LogicalLine[] {
  const out: { parts: string[]; line: number }[] = [];
  let lastPhysical = '';
  lines.forEach((text, i) => {
    const last = out[out.length - 1];
    if (text.trim() === '') {
      out.push({ parts: [''], line: i + 1 });
    } else if (
      last !== undefined &&
      last.parts[0] !== '' &&
      couldBeWrapped(lastPhysical, text, rule) &&
      !startsLine(text, last.parts[0]!)
    ) {
      last.parts.push(text.trim());
    } else {
      out.push({ parts: [text.trimEnd()], line: i + 1 });
    }
    lastPhysical = text;
  });
  return out.map((l) => ({ text: l.parts.join(' '), line: l.line }));
}

/** Whether a wrap at `rule.minWidth` columns or wider can have moved `next`'s first word below `before`. */
function couldBeWrapped(before: string, next: string, rule: WrapRule): boolean {
  const firstWord = /^\s*(\S*)/.exec(next)![1]!.length;
  return columns(before.trimEnd()) + rule.lostSpaces + firstWord >= rule.minWidth;
}

/** Width on screen, a tab counting up to the next multiple of 8 (how terminals and mailers show it). */
export function columns(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) n = text[i] === '\t' ? n + 8 - (n % 8) : n + 1;
  return n;
}

/** A shell prompt line such as `$ sudo lspci -vvv`: understood, and of no interest. */
export function isPromptLine(text: string): boolean {
  // Bounded repeats: an unbounded `\S*` before `[$#%>]` and again before `lspci`
  // backtracks quadratically on a long run of `>` or `$`.
  if (text.length > 512) return false;
  // The prompt is a word (`user@host:~$`) or a bracketed pair (Fedora's `[user@host ~]$`).
  return /^\s*((\[[^\]\n]{1,64}\]|\S{0,64})[$#%>]\s*)?(sudo\s+)?(cat\s+\/proc\/interrupts|\/?\S{0,64}lspci)\b/.test(
    text,
  );
}

/** Shortens a line for a report, so one bad paste cannot flood the page. */
export function excerpt(text: string, max = 100): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** The report for a dump over MACHINE_LIMITS.textChars: said before a single line is read. */
export function tooLargeProblem(chars: number, limit: number): string {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return `the text is ${mb(chars)}, over the limit of ${mb(limit)}: it was not read (is it the whole dump and nothing else?)`;
}
