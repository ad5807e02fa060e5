/** An axis-aligned box in graph coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The box around every point of an SVG path made of absolute M, L, H, V, C
 * and Q commands (what the edges draw), grown by `pad` on each side. A curve
 * lies inside the hull of its control points, so the control points are
 * counted too: the box may be a little larger than the curve, never smaller.
 * Null for a path with no point.
 */
export function pathBounds(d: string, pad = 0): Box | null {
  const tokens = d.match(/[MLHVCQ]|-?\d*\.?\d+(?:e[-+]?\d+)?/gi) ?? [];
  const xs: number[] = [];
  const ys: number[] = [];
  let command = 'M';
  let x = 0;
  let y = 0;
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i]!;
    if (/^[a-z]$/i.test(t)) {
      command = t.toUpperCase();
      i += 1;
      continue;
    }
    if (command === 'H') x = Number(tokens[i++]);
    else if (command === 'V') y = Number(tokens[i++]);
    else {
      x = Number(tokens[i++]);
      y = Number(tokens[i++]);
    }
    xs.push(x);
    ys.push(y);
  }
  if (xs.length === 0) return null;
  const left = Math.min(...xs) - pad;
  const top = Math.min(...ys) - pad;
  return {
    x: left,
    y: top,
    width: Math.max(...xs) + pad - left,
    height: Math.max(...ys) + pad - top,
  };
}
