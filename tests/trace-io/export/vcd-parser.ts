/**
 * A small, strict VCD reader for the export tests: header sections, scopes,
 * variables, then timestamps and value changes. It throws on what a viewer
 * would choke on or silently misread: a missing `$enddefinitions`, a value for
 * an undeclared id, a timestamp that does not increase, a change before the
 * first timestamp, a value wider than its variable.
 */

export interface VcdVar {
  id: string;
  type: string;
  width: number;
  /** Reference name without the bit range. */
  name: string;
  /** `[N-1:0]` when given. */
  range: string | null;
  /** Enclosing scope names, outermost first. */
  scope: string[];
}

export interface VcdChange {
  t: number;
  /** Parsed number; NaN for x/z values. */
  value: number;
  /** As written after the `b` or before the id. */
  raw: string;
}

export interface VcdFile {
  /** Header sections by keyword (`date`, `version`, `timescale`, `comment`), text trimmed. */
  sections: Record<string, string>;
  vars: VcdVar[];
  /** Timestamps in file order. */
  times: number[];
  /** Value changes per id, `$dumpvars` included. */
  changes: Map<string, VcdChange[]>;
  /** Values given inside `$dumpvars`, per id. */
  dumpvars: Map<string, number>;
}

export class VcdError extends Error {}

function tokenize(text: string): string[] {
  return text.split(/\s+/).filter((s) => s !== '');
}

export function parseVcd(text: string): VcdFile {
  const tokens = tokenize(text);
  let i = 0;
  const next = (what: string): string => {
    const tok = tokens[i++];
    if (tok === undefined) throw new VcdError(`unexpected end of file, expected ${what}`);
    return tok;
  };
  const untilEnd = (): string[] => {
    const words: string[] = [];
    for (let tok = next('$end'); tok !== '$end'; tok = next('$end')) words.push(tok);
    return words;
  };

  const sections: Record<string, string> = {};
  const vars: VcdVar[] = [];
  const byId = new Map<string, VcdVar>();
  const scope: string[] = [];
  let definitionsDone = false;

  while (!definitionsDone) {
    const tok = next('$enddefinitions');
    switch (tok) {
      case '$date':
      case '$version':
      case '$timescale':
      case '$comment':
        sections[tok.slice(1)] = untilEnd().join(' ');
        break;
      case '$scope': {
        const words = untilEnd();
        if (words.length !== 2) throw new VcdError(`bad $scope: ${words.join(' ')}`);
        scope.push(words[1]!);
        break;
      }
      case '$upscope':
        if (untilEnd().length !== 0) throw new VcdError('bad $upscope');
        if (scope.pop() === undefined) throw new VcdError('$upscope without $scope');
        break;
      case '$var': {
        const words = untilEnd();
        if (words.length !== 4 && words.length !== 5) {
          throw new VcdError(`bad $var: ${words.join(' ')}`);
        }
        const [type, width, id, name, range] = words as [string, string, string, string, string?];
        if (!/^[1-9][0-9]*$/.test(width)) throw new VcdError(`bad width ${width}`);
        const v: VcdVar = {
          id,
          type,
          width: Number(width),
          name,
          range: range ?? null,
          scope: [...scope],
        };
        vars.push(v);
        byId.set(id, v);
        break;
      }
      case '$enddefinitions':
        if (untilEnd().length !== 0) throw new VcdError('bad $enddefinitions');
        if (scope.length !== 0) throw new VcdError(`unclosed scope ${scope.join('.')}`);
        definitionsDone = true;
        break;
      default:
        throw new VcdError(`unexpected ${JSON.stringify(tok)} in the header`);
    }
  }

  const times: number[] = [];
  const changes = new Map<string, VcdChange[]>(vars.map((v) => [v.id, []]));
  const dumpvars = new Map<string, number>();
  let now: number | null = null;
  let inDump = false;

  const record = (id: string, raw: string, value: number): void => {
    const v = byId.get(id);
    if (!v) throw new VcdError(`value for unknown id ${JSON.stringify(id)}`);
    if (now === null) throw new VcdError(`value for ${id} before the first timestamp`);
    if (raw.length > v.width) throw new VcdError(`value ${raw} wider than ${v.name}[${v.width}]`);
    changes.get(id)!.push({ t: now, value, raw });
    if (inDump) dumpvars.set(id, value);
  };

  while (i < tokens.length) {
    const tok = next('a value');
    if (tok.startsWith('#')) {
      if (!/^#[0-9]+$/.test(tok)) throw new VcdError(`bad timestamp ${tok}`);
      const t = Number(tok.slice(1));
      if (now !== null && t <= now) throw new VcdError(`timestamp ${t} after ${now}`);
      now = t;
      times.push(t);
    } else if (tok === '$dumpvars' || tok === '$dumpall') {
      if (now === null) throw new VcdError(`${tok} before the first timestamp`);
      inDump = true;
    } else if (tok === '$dumpon' || tok === '$dumpoff') {
      // Markers only.
    } else if (tok === '$end') {
      if (!inDump) throw new VcdError('$end outside a section');
      inDump = false;
    } else if (tok === '$comment') {
      untilEnd();
    } else if (/^[bB][01xXzZ]+$/.test(tok)) {
      const bits = tok.slice(1);
      const value = /^[01]+$/.test(bits) ? parseInt(bits, 2) : NaN;
      record(next('an id'), bits, value);
    } else if (/^[01xXzZ]/.test(tok)) {
      const bit = tok[0]!;
      const value = bit === '0' ? 0 : bit === '1' ? 1 : NaN;
      if (tok.length < 2) throw new VcdError(`scalar value ${tok} without an id`);
      record(tok.slice(1), bit, value);
    } else {
      throw new VcdError(`unexpected ${JSON.stringify(tok)} in the value changes`);
    }
  }
  if (inDump) throw new VcdError('$dumpvars without $end');
  return { sections, vars, times, changes, dumpvars };
}

/** The value of a variable at time `t` (its last change at or before `t`). */
export function valueAt(file: VcdFile, id: string, t: number): number {
  let value = NaN;
  for (const c of file.changes.get(id) ?? []) {
    if (c.t > t) break;
    value = c.value;
  }
  return value;
}

/** The variable at a scope path and reference name, e.g. `['intx_lab', 'devices', 'nic0'], 'pin'`. */
export function findVar(file: VcdFile, scope: readonly string[], name: string): VcdVar {
  const found = file.vars.find(
    (v) =>
      v.name === name && v.scope.length === scope.length && v.scope.every((s, k) => s === scope[k]),
  );
  if (!found) throw new Error(`no variable ${[...scope, name].join('.')}`);
  return found;
}
