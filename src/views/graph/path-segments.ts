/** One straight or quadratic piece of a path, with where it starts along the path. */
export type PathSegment =
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; from: number }
  | { kind: 'quad'; d: string; from: number };

/** Points a quadratic piece is measured by: enough for the edges' 6 px corners. */
const QUAD_STEPS = 16;

function quadLength(x0: number, y0: number, cx: number, cy: number, x: number, y: number): number {
  let length = 0;
  let px = x0;
  let py = y0;
  for (let i = 1; i <= QUAD_STEPS; i++) {
    const t = i / QUAD_STEPS;
    const u = 1 - t;
    const qx = u * u * x0 + 2 * u * t * cx + t * t * x;
    const qy = u * u * y0 + 2 * u * t * cy + t * t * y;
    length += Math.hypot(qx - px, qy - py);
    px = qx;
    py = qy;
  }
  return length;
}

/**
 * An edge's path (absolute M, L, H, V and Q, as the edges draw them) cut into
 * its pieces, each with its start's distance along the path, so that each can
 * be drawn on its own with the dash pattern carried on (dash offset = `from`).
 * Why: Skia dashes a single straight line only where it is on screen, but a
 * longer path over its whole length, for every tile it is rasterized in. Null
 * for a path with a command outside that set (a bezier edge: drawn whole).
 */
export function pathSegments(d: string): PathSegment[] | null {
  const tokens = d.match(/[A-Za-z]|-?\d*\.?\d+(?:e[-+]?\d+)?/g) ?? [];
  const out: PathSegment[] = [];
  let command = 'M';
  let x = 0;
  let y = 0;
  let along = 0;
  const num = (i: number) => Number(tokens[i]);
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i]!;
    if (/^[A-Za-z]$/.test(t)) {
      if (!'MLHVQ'.includes(t)) return null;
      command = t;
      i += 1;
      continue;
    }
    if (command === 'M') {
      x = num(i);
      y = num(i + 1);
      i += 2;
      // Later pairs after M are lines, as in SVG.
      command = 'L';
      continue;
    }
    if (command === 'Q') {
      const [cx, cy, ex, ey] = [num(i), num(i + 1), num(i + 2), num(i + 3)];
      i += 4;
      out.push({ kind: 'quad', d: `M${x} ${y}Q${cx} ${cy} ${ex} ${ey}`, from: along });
      along += quadLength(x, y, cx, cy, ex, ey);
      x = ex;
      y = ey;
      continue;
    }
    const ex = command === 'V' ? x : num(i);
    const ey = command === 'H' ? y : command === 'V' ? num(i) : num(i + 1);
    i += command === 'L' ? 2 : 1;
    const length = Math.hypot(ex - x, ey - y);
    if (length > 0) out.push({ kind: 'line', x1: x, y1: y, x2: ex, y2: ey, from: along });
    along += length;
    x = ex;
    y = ey;
  }
  return out;
}
