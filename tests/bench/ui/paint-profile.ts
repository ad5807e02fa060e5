/**
 * What a step repaints (`npx tsx tests/bench/ui/paint-profile.ts`): the same
 * app and steps as profile.ts, recorded with Chromium's invalidation and layer
 * instruments, and told per step (paint-trace.ts): the elements whose painting
 * was invalidated and why, the style and layout work with their causes and
 * layout roots, the layers painted, and the tiles rasterized per composited
 * layer. The layers (CDP LayerTree) are listed with their element, size and
 * how often they were painted during the steps.
 *
 * Serves the existing dist/ (`npx vite build` first). Knobs: PROFILE_PRESET
 * (fig3-broadcast; `imported`: the 100 MB trace), PROFILE_STEPS (12),
 * PROFILE_TOP (8 entries per list), PROFILE_ROOT (another checkout's dist/),
 * PROFILE_DETAIL=1 (every step's record, not only the medians and the worst step),
 * PROFILE_CSS (a style sheet added to the page before the steps: to try a
 * containment or layer change without a build).
 * Prints one JSON document.
 */
import type { CDPSession, Page } from 'playwright-core';
import { median } from '../stats';
import { shownCursor, waitForCursor } from './app-page';
import { stepPaintRecords, type RawTraceEvent, type StepPaintRecord } from './paint-trace';
import { progress } from './percentiles';
import { recordTrace } from './chrome-trace';
import { runProfile } from './profile-page';

const PRESET = process.env.PROFILE_PRESET ?? 'fig3-broadcast';
const STEPS = Number(process.env.PROFILE_STEPS ?? 12);
const TOP = Number(process.env.PROFILE_TOP ?? 8);
const DETAIL = process.env.PROFILE_DETAIL === '1';
const MARK = 'intx-paint-step-';
const EXTRA_CSS = process.env.PROFILE_CSS;

/** Besides chrome-trace.ts's own (tasks, script, style, layout, paint). */
const CATEGORIES = [
  'disabled-by-default-devtools.timeline.invalidationTracking',
  'disabled-by-default-devtools.timeline.layers',
  'disabled-by-default-blink.invalidation',
  'blink.user_timing',
  'cc',
];

interface LayerInfo {
  layerId: string;
  backendNodeId?: number;
  width: number;
  height: number;
  paintCount: number;
  drawsContent: boolean;
}

/** Each press is marked first, so the trace can be cut into steps; then the frame paints. */
async function markedSteps(page: Page, count: number): Promise<void> {
  let cursor = await shownCursor(page);
  for (let i = 0; i < count; i++) {
    await page.evaluate((name) => performance.mark(name), `${MARK}${i + 1}`);
    await page.keyboard.press('ArrowRight');
    cursor += 1;
    await waitForCursor(page, cursor);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
}

async function describeNode(session: CDPSession, backendNodeId: number): Promise<string> {
  try {
    const { node } = await session.send('DOM.describeNode', { backendNodeId });
    const attrs = node.attributes ?? [];
    const at = (name: string) => attrs[attrs.indexOf(name) + 1];
    const id = attrs.includes('id') ? `#${at('id')}` : '';
    const cls = attrs.includes('class') ? `.${at('class')!.split(/\s+/)[0]}` : '';
    const test = attrs.includes('data-testid') ? `[${at('data-testid')}]` : '';
    return `${node.nodeName}${id}${cls}${test}`;
  } catch {
    return `node ${backendNodeId} (gone)`;
  }
}

async function record(
  session: CDPSession,
  run: () => Promise<void>,
): Promise<{ events: RawTraceEvent[]; before: LayerInfo[]; after: LayerInfo[] }> {
  let layers: LayerInfo[] = [];
  session.on('LayerTree.layerTreeDidChange', (e) => {
    if (e.layers) layers = e.layers as LayerInfo[];
  });
  await session.send('DOM.enable');
  await session.send('LayerTree.enable');
  // A frame so the layer list is current before the steps.
  await new Promise((r) => setTimeout(r, 300));
  const before = layers;
  const events = await recordTrace<RawTraceEvent>(session, run, CATEGORIES);
  return { events, before, after: layers };
}

/** Medians over the steps of the counts that say how much a step costs Chromium. */
function medians(records: readonly StepPaintRecord[]) {
  const m = (f: (r: StepPaintRecord) => number) => median(records.map(f));
  return {
    invalidatedClients: m((r) => r.invalidated),
    styleElements: m((r) => r.styleElements),
    layoutPasses: m((r) => r.layouts.length),
    layoutDirtyObjects: m((r) => r.layouts.reduce((n, l) => n + l.dirty, 0)),
    paints: m((r) => r.paints.length),
    rasterTiles: m((r) => r.raster.reduce((n, l) => n + l.tiles, 0)),
    rasterCpuMs: m((r) => r.raster.reduce((n, l) => n + l.cpuMs, 0)),
    mainStagesCpuMs: m((r) => Object.values(r.stagesCpuMs).reduce((a, b) => a + b, 0)),
    paintCpuMsByNode: Object.fromEntries(
      [...new Set(records.flatMap((r) => r.paints.map((p) => p.node)))].map((node) => [
        node,
        m((r) => r.paints.filter((p) => p.node === node).reduce((n, p) => n + p.cpuMs, 0)),
      ]),
    ),
    stageCpuMs: Object.fromEntries(
      [...new Set(records.flatMap((r) => Object.keys(r.stagesCpuMs)))].map((stage) => [
        stage,
        m((r) => r.stagesCpuMs[stage] ?? 0),
      ]),
    ),
  };
}

runProfile(PRESET, async (page) => {
  // A constructed sheet: the app's content security policy refuses inline style elements.
  if (EXTRA_CSS)
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, EXTRA_CSS);
  const session = await page.context().newCDPSession(page);
  progress(`tracing paint invalidation over ${STEPS} steps on ${PRESET}`);
  const { events, before, after } = await record(session, () => markedSteps(page, STEPS));
  const records = stepPaintRecords(events, MARK, TOP);
  const painted = new Map(before.map((l) => [l.layerId, l.paintCount]));
  const rasterByLayer = new Map<number, number>();
  for (const r of records)
    for (const l of r.raster)
      rasterByLayer.set(l.layer, (rasterByLayer.get(l.layer) ?? 0) + l.tiles);
  const layers = [];
  for (const l of after) {
    if (!l.drawsContent) continue;
    layers.push({
      layer: Number(l.layerId),
      element: l.backendNodeId === undefined ? '-' : await describeNode(session, l.backendNodeId),
      size: `${Math.round(l.width)}x${Math.round(l.height)}`,
      paintsDuringSteps: l.paintCount - (painted.get(l.layerId) ?? 0),
      tilesRasterized: rasterByLayer.get(Number(l.layerId)) ?? 0,
    });
  }
  layers.sort((a, b) => b.tilesRasterized - a.tilesRasterized);
  const worst = [...records].sort(
    (a, b) => b.raster.reduce((n, l) => n + l.cpuMs, 0) - a.raster.reduce((n, l) => n + l.cpuMs, 0),
  )[0];
  const report = {
    preset: PRESET,
    steps: records.length,
    medianPerStep: medians(records),
    layers,
    // The first step after opening also paints what opening left; the worst of the rest.
    worstStep: worst,
    perStep: DETAIL ? records : undefined,
  };
  return report;
});
