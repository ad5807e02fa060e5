import { describe, expect, it } from 'vitest';
import { elementName, quadArea, stepPaintRecords, type RawTraceEvent } from './paint-trace';

const MAIN = { pid: 1, tid: 1 };
const RASTER = { pid: 1, tid: 7 };

function mark(step: number, ts: number): RawTraceEvent {
  return { name: `s-${step}`, cat: 'blink.user_timing', ph: 'R', ts, ...MAIN };
}

describe('paint-trace', () => {
  it('names an element by tag, id and first class, as Chromium prints layout objects', () => {
    expect(elementName("LayoutBlockFlow (children-inline) SPAN class='event-text x'")).toBe(
      'SPAN.event-text',
    );
    expect(elementName("LayoutSVGPath path id='edge:pin:nic0' class='react-flow__edge-path'")).toBe(
      'path#edge:pin:nic0.react-flow__edge-path',
    );
    expect(elementName('LayoutText #text')).toBe('#text');
  });

  it('measures a quad by the shoelace formula, whatever its winding', () => {
    expect(quadArea([0, 0, 1440, 0, 1440, 900, 0, 900])).toBe(1440 * 900);
    expect(quadArea([0, 0, 0, 10, 20, 10, 20, 0])).toBe(200);
  });

  it('cuts the trace at the marks and tells each step what it invalidated, laid out and rasterized', () => {
    const events: RawTraceEvent[] = [
      mark(1, 100),
      mark(2, 1000),
      // Step 1: two rows repainted, one style update, one layout from the document, a paint, two tiles.
      {
        name: 'InvalidateDisplayItemClient',
        ph: 'I',
        ts: 110,
        pid: 0,
        tid: 0,
        args: { client: "LayoutListItem LI class='row'", reason: 'subtree' },
      },
      {
        name: 'InvalidateDisplayItemClient',
        ph: 'I',
        ts: 120,
        pid: 0,
        tid: 0,
        args: { client: "LayoutListItem LI class='row'", reason: 'geometry' },
      },
      { name: 'UpdateLayoutTree', ph: 'X', ts: 200, dur: 50, ...MAIN, args: { elementCount: 7 } },
      {
        name: 'Layout',
        ph: 'X',
        ts: 300,
        dur: 100,
        tdur: 80,
        ...MAIN,
        args: {
          beginData: { dirtyObjects: 12, totalObjects: 900 },
          endData: {
            layoutRoots: [{ nodeName: '#document', quads: [[0, 0, 10, 0, 10, 10, 0, 10]] }],
          },
        },
      },
      // A nested paint (a scroller inside the document) counts in its own line, not twice in the stage.
      {
        name: 'Paint',
        ph: 'X',
        ts: 500,
        dur: 300,
        ...MAIN,
        args: { data: { layerId: 0, nodeName: '#document', clip: [0, 0, 10, 0, 10, 10, 0, 10] } },
      },
      {
        name: 'Paint',
        ph: 'X',
        ts: 600,
        dur: 100,
        ...MAIN,
        args: { data: { layerId: 0, nodeName: "OL class='list'", clip: [0, 0, 5, 0, 5, 4, 0, 4] } },
      },
      {
        name: 'RasterTask',
        ph: 'X',
        ts: 900,
        dur: 40,
        ...RASTER,
        args: { tileData: { layerId: 9 } },
      },
      {
        name: 'DisplayItemList::Raster',
        ph: 'X',
        ts: 905,
        dur: 10,
        ...RASTER,
        args: { rastered_op_count: 30 },
      },
      {
        name: 'RasterTask',
        ph: 'X',
        ts: 950,
        dur: 20,
        ...RASTER,
        args: { tileData: { layerId: 9 } },
      },
      // Step 2: one tile of another layer, nothing else.
      {
        name: 'RasterTask',
        ph: 'X',
        ts: 1100,
        dur: 10,
        ...RASTER,
        args: { tileData: { layerId: 12 } },
      },
    ];
    const [one, two, ...rest] = stepPaintRecords(events, 's-');
    expect(rest).toEqual([]);
    expect(one).toMatchObject({
      step: 1,
      invalidated: 2,
      invalidatedBy: [{ what: 'LI.row', count: 2 }],
      reasons: [
        { what: 'geometry', count: 1 },
        { what: 'subtree', count: 1 },
      ],
      styleElements: 7,
      layouts: [{ dirty: 12, total: 900, roots: [{ node: '#document', area: 100 }] }],
      paints: [
        { layer: 0, node: '#document', area: 100, cpuMs: 0.3 },
        { layer: 0, node: 'OL.list', area: 20, cpuMs: 0.1 },
      ],
      raster: [{ layer: 9, tiles: 2, cpuMs: 0.06, ops: 30 }],
      stagesCpuMs: { UpdateLayoutTree: 0.05, Layout: 0.08, Paint: 0.3 },
    });
    expect(two).toMatchObject({
      step: 2,
      invalidated: 0,
      layouts: [],
      raster: [{ layer: 12, tiles: 1, cpuMs: 0.01, ops: 0 }],
    });
  });

  it('refuses a trace without the step marks', () => {
    expect(() => stepPaintRecords([], 's-')).toThrow('no user timing marks named s-N');
  });
});
