/**
 * What one step makes Chromium redo, read from a trace recorded with the
 * invalidation categories (see paint-profile.ts). Pure: trace events in, one
 * record per step out. A step is the time from its `performance.mark` to the
 * next step's mark, so it holds the key press, the commit, the frame that
 * paints it and whatever repaints before the next press (animations too).
 *
 * Chromium names what it did in these events:
 *   - InvalidateDisplayItemClient (disabled-by-default-blink.invalidation):
 *     one per layout object whose painting must be recorded again, with its
 *     element (tag, id, class) and why; the client list is what repaints;
 *   - UpdateLayoutTree (elementCount: elements whose style was recomputed) and
 *     StyleRecalcInvalidationTracking (which element, why);
 *   - Layout (dirtyObjects of totalObjects, the layout roots with their quads)
 *     and LayoutInvalidationTracking (which node asked, why);
 *   - Paint (the layer painted and its clip quad; Blink paints a whole
 *     document layer at a time, so the clip is the layer's visible rect);
 *   - RasterTask (cc): one tile of one composited layer rasterized, by layerId,
 *     with its thread time; DisplayItemList::Raster nested in it says how many
 *     recorded operations were played back.
 */

export interface RawTraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown>;
}

export interface Counted {
  what: string;
  count: number;
}

export interface LayoutRoot {
  node: string;
  /** The root's area on screen, in CSS px². */
  area: number;
}

export interface StepPaintRecord {
  step: number;
  /** Display item clients invalidated (layout objects to record again). */
  invalidated: number;
  /** Those clients by element (tag and first class), largest first. */
  invalidatedBy: Counted[];
  /** Why they were invalidated ("subtree", "geometry", "background"...). */
  reasons: Counted[];
  /** Elements whose style was recomputed, summed over the step's style updates. */
  styleElements: number;
  /** The nodes whose change asked for a style recalc, by element. */
  styleCauses: Counted[];
  /** Layout passes: objects laid out of the tree's total, and each pass's roots. */
  layouts: { dirty: number; total: number; roots: LayoutRoot[] }[];
  /** The nodes whose change asked for layout, by element and reason. */
  layoutCauses: Counted[];
  /** Paint events: the layer, the painted clip's area and the thread time (nested paints included). */
  paints: { layer: number; node: string; area: number; cpuMs: number }[];
  /** Tiles rasterized per composited layer, with their raster thread time. */
  raster: { layer: number; tiles: number; cpuMs: number; ops: number }[];
  /** The main thread's time in the frame's stages during the step (thread time, ms). */
  stagesCpuMs: Record<string, number>;
}

const MAIN_STAGES = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];

/** "LayoutBlockFlow (children-inline) SPAN class='event-text x'" -> "SPAN.event-text". */
export function elementName(client: string): string {
  const tag = /([A-Za-z#][\w#-]*)(?: id='([^']*)')?(?: class='([^']*)')?\s*$/.exec(client.trim());
  if (!tag) return client;
  const [, name, id, cls] = tag;
  const first = cls?.split(/\s+/)[0];
  return `${name}${id ? `#${id}` : ''}${first ? `.${first}` : ''}`;
}

/** The area of a quad given as 8 numbers (x1 y1 ... x4 y4), by the shoelace formula. */
export function quadArea(q: readonly number[]): number {
  let twice = 0;
  for (let i = 0; i < 4; i++) {
    const x1 = q[2 * i] ?? 0;
    const y1 = q[2 * i + 1] ?? 0;
    const x2 = q[(2 * i + 2) % 8] ?? 0;
    const y2 = q[(2 * i + 3) % 8] ?? 0;
    twice += x1 * y2 - x2 * y1;
  }
  return Math.round(Math.abs(twice) / 2);
}

function tally(keys: Iterable<string>, top: number): Counted[] {
  const map = new Map<string, number>();
  for (const k of keys) map.set(k, (map.get(k) ?? 0) + 1);
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([what, count]) => ({ what, count }));
}

function data(e: RawTraceEvent): Record<string, unknown> {
  return (e.args?.data as Record<string, unknown> | undefined) ?? {};
}

/** The `name` tracking events (which node asked for style or layout, and why), tallied. */
function causes(events: readonly RawTraceEvent[], name: string, top: number): Counted[] {
  return tally(
    events
      .filter((e) => e.name === name)
      .map((e) => `${elementName(String(data(e).nodeName ?? '?'))} (${data(e).reason})`),
    top,
  );
}

/**
 * Splits the trace at the marks named `${markPrefix}N` (user timing, in step
 * order) and describes each step. `mainThread` is "pid:tid" of the renderer's
 * main thread (the thread the marks were made on).
 */
export function stepPaintRecords(
  events: readonly RawTraceEvent[],
  markPrefix: string,
  top = 8,
): StepPaintRecord[] {
  const marks = events
    .filter((e) => e.name.startsWith(markPrefix) && (e.cat ?? '').includes('user_timing'))
    .sort((a, b) => a.ts - b.ts);
  // A mark may appear as a begin and an instant event; keep the first of each name.
  const seen = new Set<string>();
  const starts = marks.filter((m) => !seen.has(m.name) && seen.add(m.name));
  if (starts.length === 0)
    throw new Error(`no user timing marks named ${markPrefix}N in the trace`);
  const main = `${starts[0]!.pid}:${starts[0]!.tid}`;
  const end = Math.max(...events.map((e) => e.ts + (e.dur ?? 0)));
  // Raster playback nested in each raster task: the ops of the task that holds it.
  const rasterOps = events.filter((e) => e.name === 'DisplayItemList::Raster');
  return starts.map((mark, i) => {
    const from = mark.ts;
    const to = starts[i + 1]?.ts ?? end;
    const inStep = events.filter((e) => e.ts >= from && e.ts < to);
    const onMain = inStep.filter((e) => `${e.pid}:${e.tid}` === main);
    const clients = inStep.filter((e) => e.name === 'InvalidateDisplayItemClient');
    const stagesCpuMs: Record<string, number> = {};
    const stages = onMain.filter((e) => e.ph === 'X' && MAIN_STAGES.includes(e.name));
    // Paint events nest (the document, then a scroller inside it): count the outermost only.
    const nested = (e: RawTraceEvent) =>
      stages.some(
        (o) =>
          o !== e &&
          o.name === e.name &&
          o.ts <= e.ts &&
          e.ts + (e.dur ?? 0) <= o.ts + (o.dur ?? 0),
      );
    for (const e of stages) {
      if (nested(e)) continue;
      stagesCpuMs[e.name] =
        Math.round(((stagesCpuMs[e.name] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000) * 100) / 100;
    }
    const raster = new Map<number, { tiles: number; cpuMs: number; ops: number }>();
    for (const e of inStep) {
      if (e.name !== 'RasterTask' || e.ph !== 'X') continue;
      const tile = (e.args?.tileData as { layerId?: number } | undefined) ?? {};
      const layer = tile.layerId ?? -1;
      const r = raster.get(layer) ?? { tiles: 0, cpuMs: 0, ops: 0 };
      r.tiles += 1;
      r.cpuMs += (e.tdur ?? e.dur ?? 0) / 1000;
      for (const op of rasterOps) {
        if (op.pid === e.pid && op.tid === e.tid && op.ts >= e.ts && op.ts < e.ts + (e.dur ?? 0))
          r.ops += Number((op.args as { rastered_op_count?: number })?.rastered_op_count ?? 0);
      }
      raster.set(layer, r);
    }
    return {
      step: i + 1,
      invalidated: clients.length,
      invalidatedBy: tally(
        clients.map((e) => elementName(String(e.args?.client ?? '?'))),
        top,
      ),
      reasons: tally(
        clients.map((e) => String(e.args?.reason ?? '?')),
        top,
      ),
      styleElements: onMain
        .filter((e) => e.name === 'UpdateLayoutTree')
        .reduce((n, e) => n + Number(e.args?.elementCount ?? 0), 0),
      styleCauses: causes(inStep, 'StyleRecalcInvalidationTracking', top),
      layouts: onMain
        .filter((e) => e.name === 'Layout' && e.ph === 'X')
        .map((e) => {
          const begin =
            (e.args?.beginData as { dirtyObjects?: number; totalObjects?: number }) ?? {};
          const endData = (e.args?.endData as {
            layoutRoots?: { nodeName?: string; quads?: number[][] }[];
          }) ?? { layoutRoots: [] };
          return {
            dirty: begin.dirtyObjects ?? 0,
            total: begin.totalObjects ?? 0,
            roots: (endData.layoutRoots ?? []).map((r) => ({
              node: elementName(r.nodeName ?? '?'),
              area: (r.quads ?? []).reduce((a, q) => a + quadArea(q), 0),
            })),
          };
        }),
      layoutCauses: causes(inStep, 'LayoutInvalidationTracking', top),
      paints: onMain
        .filter((e) => e.name === 'Paint' && e.ph === 'X')
        .map((e) => ({
          layer: Number(data(e).layerId ?? -1),
          node: elementName(String(data(e).nodeName ?? '?')),
          area: quadArea((data(e).clip as number[] | undefined) ?? []),
          cpuMs: Math.round((e.tdur ?? e.dur ?? 0) / 10) / 100,
        })),
      raster: [...raster.entries()]
        .sort((a, b) => b[1].tiles - a[1].tiles)
        .map(([layer, r]) => ({
          layer,
          tiles: r.tiles,
          cpuMs: Math.round(r.cpuMs * 100) / 100,
          ops: r.ops,
        })),
      stagesCpuMs,
    };
  });
}
