/**
 * Where the camera goes: fit the whole graph when its text stays legible,
 * else keep the text at the legible size and show the part that matters.
 * Pure numbers in and out, so the rule is tested without a browser.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** React Flow's viewport: screen = graph * zoom + (x, y). */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Screen space kept free of nodes on each side of the pane (the zoom buttons sit in `top`). */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface FitOptions {
  /** The smallest zoom at which node text is legible (see legibleZoom). */
  minZoom: number;
  /** The largest zoom a fit may use: a small graph is not blown up past it. */
  maxZoom: number;
  margins: Margins;
  /**
   * What to keep in view when the graph does not fit at minZoom, in graph
   * coordinates (the nodes the current event touches); null: the graph's start.
   */
  focus: Rect | null;
  /**
   * Left edges of the graph's node columns, in flow coordinates. When the
   * graph overflows across and the camera follows a focus, the view starts at
   * one of them (the one nearest the centred view that still shows the whole
   * focus), so no column is cut through its nodes on the left.
   */
  columns?: readonly number[];
  /**
   * With no focus, where an overflowing vertical axis starts, in flow
   * coordinates: the top of the first column's nodes (see firstColumnTop), so
   * a graph whose later columns are taller opens on the devices where a run
   * starts, not on the empty space above them. Default: the graph's top.
   */
  startY?: number;
}

/** The smallest node text in CSS px (graph.css never goes below it). */
export const SMALLEST_NODE_FONT_PX = 12;

/** The zoom that draws the smallest node text at `targetPx` on screen. */
export function legibleZoom(targetPx: number): number {
  return targetPx / SMALLEST_NODE_FONT_PX;
}

/**
 * The viewport for `bounds` in a pane of `pane` size. When the graph fits at
 * a legible zoom it is centred in the free area; when it does not, the zoom
 * stays at minZoom and, on each axis that overflows, the view is placed on
 * the focus (centred on it, clamped to the graph's edges) or on the graph's
 * start (left, top), so the camera never shows empty canvas beside a cut graph.
 */
export function fitViewport(bounds: Rect, pane: Size, opts: FitOptions): Viewport {
  const { margins } = opts;
  const free = {
    width: Math.max(1, pane.width - margins.left - margins.right),
    height: Math.max(1, pane.height - margins.top - margins.bottom),
  };
  const fit = Math.min(
    free.width / Math.max(1, bounds.width),
    free.height / Math.max(1, bounds.height),
  );
  const zoom = Math.max(opts.minZoom, Math.min(opts.maxZoom, fit));
  const axis = (
    start: number,
    length: number,
    freeLength: number,
    marginStart: number,
    focusStart: number | null,
    focusLength: number,
    opening = start,
  ): number => {
    const drawn = length * zoom;
    if (drawn <= freeLength) return marginStart + (freeLength - drawn) / 2 - start * zoom;
    // Overflow: the offset moves between "graph start at the margin" and "graph end at the far edge".
    const atStart = marginStart - start * zoom;
    const atEnd = marginStart + freeLength - (start + length) * zoom;
    if (focusStart === null)
      return Math.min(atStart, Math.max(atEnd, marginStart - opening * zoom));
    const centred = marginStart + freeLength / 2 - (focusStart + focusLength / 2) * zoom;
    return Math.min(atStart, Math.max(atEnd, centred));
  };
  const f = opts.focus;
  const x = axis(bounds.x, bounds.width, free.width, margins.left, f?.x ?? null, f?.width ?? 0);
  return {
    x:
      f === null || bounds.width * zoom <= free.width
        ? x
        : snapToColumn(x, f, zoom, free.width, margins.left, opts.columns ?? []),
    y: axis(
      bounds.y,
      bounds.height,
      free.height,
      margins.top,
      f?.y ?? null,
      f?.height ?? 0,
      opts.startY,
    ),
    zoom,
  };
}

/**
 * The x offset nearest `x` that puts a column's left edge at the left margin
 * and still shows the whole focus; `x` itself when no column does.
 */
function snapToColumn(
  x: number,
  focus: Rect,
  zoom: number,
  freeWidth: number,
  marginLeft: number,
  columns: readonly number[],
): number {
  let best = x;
  let bestDistance = Infinity;
  for (const c of columns) {
    const candidate = marginLeft - c * zoom;
    const left = focus.x * zoom + candidate;
    const right = left + focus.width * zoom;
    if (left < marginLeft - 0.5 || right > marginLeft + freeWidth + 0.5) continue;
    const distance = Math.abs(candidate - x);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Whether `rect` (graph coordinates) lies inside the pane's free area under `viewport`. */
export function isInView(rect: Rect, viewport: Viewport, pane: Size, margins: Margins): boolean {
  const left = rect.x * viewport.zoom + viewport.x;
  const top = rect.y * viewport.zoom + viewport.y;
  const right = left + rect.width * viewport.zoom;
  const bottom = top + rect.height * viewport.zoom;
  return (
    left >= margins.left - 0.5 &&
    top >= margins.top - 0.5 &&
    right <= pane.width - margins.right + 0.5 &&
    bottom <= pane.height - margins.bottom + 0.5
  );
}

/**
 * Where the camera goes to follow a focus that left the view, at the zoom it has
 * (`now`): on an axis where the focus is in view, nowhere; on one where it is not,
 * the smallest move that brings it in (then the nodes seen with it stay in sight, and
 * VMs that act in turn down one column do not each re-centre the view), clamped to
 * the graph's edges. Across, the fitted view of `fitted` is taken instead: it starts
 * at a column's edge, so no column is cut through on the left. A focus bigger than
 * the free area, or a graph that fits on that axis, takes `fitted`'s placement too.
 */
export function followViewport(
  now: Viewport,
  fitted: Viewport,
  focus: Rect,
  bounds: Rect,
  pane: Size,
  margins: Margins,
): Viewport {
  const z = now.zoom;
  const along = (
    offset: number,
    fittedOffset: number,
    start: number,
    length: number,
    boundsStart: number,
    boundsLength: number,
    marginStart: number,
    free: number,
  ): number => {
    const first = start * z + offset;
    const last = first + length * z;
    if (first >= marginStart - 0.5 && last <= marginStart + free + 0.5) return offset;
    if (length * z > free || boundsLength * z <= free) return fittedOffset;
    const moved =
      first < marginStart ? marginStart - start * z : marginStart + free - (start + length) * z;
    const atStart = marginStart - boundsStart * z;
    const atEnd = marginStart + free - (boundsStart + boundsLength) * z;
    return Math.min(atStart, Math.max(atEnd, moved));
  };
  const freeW = pane.width - margins.left - margins.right;
  const freeH = pane.height - margins.top - margins.bottom;
  const left = focus.x * z + now.x;
  const inAcross =
    left >= margins.left - 0.5 && left + focus.width * z <= margins.left + freeW + 0.5;
  return {
    x: inAcross ? now.x : fitted.x,
    y: along(now.y, fitted.y, focus.y, focus.height, bounds.y, bounds.height, margins.top, freeH),
    zoom: z,
  };
}

/** The smallest rectangle holding every rect, or null for none. */
export function union(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * The left edges of node columns that no node straddles: where a view may
 * start without cutting a node on the left (see FitOptions.columns).
 */
export function columnEdges(rects: readonly Rect[]): number[] {
  const starts = [...new Set(rects.map((r) => r.x))].sort((a, b) => a - b);
  return starts.filter((x) => !rects.some((r) => r.x < x && r.x + r.width > x));
}

/**
 * The top of the leftmost column's nodes (the devices, where a run starts), or
 * null for no nodes: fitViewport's `startY`.
 */
export function firstColumnTop(rects: readonly Rect[]): number | null {
  const columns = columnEdges(rects);
  if (columns.length === 0) return null;
  const next = columns[1] ?? Infinity;
  const first = rects.filter((r) => r.x < next);
  return Math.min(...first.map((r) => r.y));
}
