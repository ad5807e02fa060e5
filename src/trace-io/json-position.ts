/**
 * Where a JSON text first breaks the grammar (RFC 8259), and why, in words.
 * Engines differ: V8 sometimes gives an offset, sometimes only a quoted
 * snippet ("Unexpected token 'x', \"...\" is not valid JSON"), Firefox a line
 * and column. Run only after JSON.parse has failed, this gives every page and
 * the command line the same line, column and message. Linear and iterative:
 * a file nested a million levels deep cannot overflow the stack.
 */

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

function shown(text: string, i: number): string {
  if (i >= text.length) return 'the end of the file';
  const c = text.codePointAt(i)!;
  if (c < 0x20) return `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${String.fromCodePoint(c)}"`;
}

/** The first syntax error of `text`, or null when it is valid JSON. */
export function findJsonError(text: string): JsonSyntaxError | null {
  let i = 0;
  const n = text.length;
  // What each open container expects next: 'value' after '[' or ',', 'key' after '{' or ','.
  const stack: ('array' | 'object')[] = [];
  const skip = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const err = (message: string, at = i): JsonSyntaxError => ({ offset: at, message });

  const string = (): JsonSyntaxError | null => {
    const start = i;
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20)
        return err(`${shown(text, i)} inside a string (write it as an escape such as \\n)`);
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            return err('"\\u" must be followed by 4 hexadecimal digits');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e))
          return err(`unknown escape "\\${e ?? ''}" in a string`);
        i += 2;
        continue;
      }
      i++;
    }
    return err('a string is not closed (missing ")', start);
  };

  const number = (): JsonSyntaxError | null => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') return err(`${shown(text, i)} cannot start a value`);
    i += m[0].length;
    return null;
  };

  /** Reads one value; 'more' when it opened a container that now expects a value first. */
  const value = (): JsonSyntaxError | null | 'more' => {
    skip();
    const c = text[i];
    if (c === undefined) return err('the file ends where a value was expected');
    if (c === '{') {
      i++;
      stack.push('object');
      skip();
      if (text[i] === '}') {
        i++;
        stack.pop();
        return null;
      }
      return key() ?? 'more';
    }
    if (c === '[') {
      i++;
      stack.push('array');
      skip();
      if (text[i] === ']') {
        i++;
        stack.pop();
        return null;
      }
      return 'more';
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return null;
      }
    }
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    return err(
      `${shown(text, i)} cannot start a value (expected "{", "[", a string, a number, true, false or null)`,
    );
  };

  /** Reads `"name":`; null when a value is expected next. */
  const key = (): JsonSyntaxError | null => {
    skip();
    if (text[i] !== '"')
      return err(`expected a property name in double quotes, found ${shown(text, i)}`);
    const bad = string();
    if (bad) return bad;
    skip();
    if (text[i] !== ':')
      return err(`expected ":" after the property name, found ${shown(text, i)}`);
    i++;
    return null;
  };

  // The loop: read a value, then close or continue containers until one needs another value.
  for (;;) {
    const r = value();
    if (r === 'more') continue;
    if (r) return r;
    for (;;) {
      skip();
      const top = stack[stack.length - 1];
      if (top === undefined) {
        return i < n ? err(`unexpected ${shown(text, i)} after the end of the JSON value`) : null;
      }
      const close = top === 'array' ? ']' : '}';
      if (text[i] === close) {
        i++;
        stack.pop();
        continue;
      }
      if (text[i] === ',') {
        i++;
        if (top === 'object') {
          const k = key();
          if (k) return k;
        }
        break;
      }
      return err(`expected "," or "${close}", found ${shown(text, i)}`);
    }
  }
}
