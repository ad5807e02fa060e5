/**
 * Fields a scenario file has that the format does not know. zod drops them
 * (newer files stay readable by older apps), so without a warning a typo such
 * as `"pci32": false` would run silently as a PCI 2.3 device. The known names
 * are taken from the schema itself, so a field added there is known here.
 */
import { z } from './zod';
import type { FormatError } from './result';

/** Keys every JSON file may carry for editors: never reported. */
const EDITOR_KEYS = new Set(['$schema', '$comment']);

/** Peel defaults, optionals, nullables and transforms down to the shape that names keys. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (let i = 0; i < 16; i++) {
    if (s instanceof z.ZodDefault || s instanceof z.ZodOptional || s instanceof z.ZodNullable) {
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodPipe) {
      s = s.in as z.ZodType;
    } else {
      return s;
    }
  }
  return s;
}

/** Optimal string alignment distance (edits, with adjacent transpositions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[x.length]![y.length]!;
}

/** The known name nearest to `key`, when it is close enough to be a slip. */
export function nearestName(key: string, known: readonly string[]): string | null {
  const limit = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of known) {
    const distance = editDistance(key, name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function walk(value: unknown, schema: z.ZodType, path: string, out: FormatError[]): void {
  const s = unwrap(schema);
  if (s instanceof z.ZodArray) {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, s.element as z.ZodType, `${path}[${i}]`, out));
    }
    return;
  }
  if (!(s instanceof z.ZodObject) || !isPlainObject(value)) return;
  const shape = s.shape as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  for (const key of Object.keys(value)) {
    const field = shape[key];
    if (field !== undefined) {
      walk(value[key], field, `${path}.${key}`, out);
      continue;
    }
    if (EDITOR_KEYS.has(key)) continue;
    const near = nearestName(key, known);
    out.push({
      path: `${path}.${key}`,
      message: `unknown field "${key}" is ignored${near ? `; did you mean "${near}"?` : ''}`,
    });
  }
}

/** One warning per unknown field of `doc`, by JSON path, with the near name when there is one. */
export function unknownFields(doc: unknown, schema: z.ZodType): FormatError[] {
  const out: FormatError[] = [];
  walk(doc, schema, '$', out);
  return out;
}
