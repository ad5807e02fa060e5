import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnEdges,
  firstColumnTop,
  fitViewport,
  followViewport,
  isInView,
  legibleZoom,
  union,
} from '../../../src/views/graph/fit';

const NO_MARGINS = { top: 0, right: 0, bottom: 0, left: 0 };

describe('fitViewport', () => {
  it('centres a graph that fits, at the zoom that fills the tighter axis', () => {
    // 1000x400 into 2000x1000: width allows 2, height 2.5, so zoom 2 (the max).
    const v = fitViewport(
      { x: 0, y: 0, width: 1000, height: 400 },
      { width: 2000, height: 1000 },
      { minZoom: 1, maxZoom: 2, margins: NO_MARGINS, focus: null },
    );
    expect(v).toEqual({ x: 0, y: (1000 - 800) / 2, zoom: 2 });
  });

  it('keeps the legible zoom and shows the start when the graph is too big', () => {
    // 1352 wide at zoom 1 in a 656 px pane with 16 px margins: left edge at the margin.
    const v = fitViewport(
      { x: 0, y: 0, width: 1352, height: 480 },
      { width: 656, height: 325 },
      {
        minZoom: 1,
        maxZoom: 2,
        margins: { top: 52, right: 16, bottom: 16, left: 16 },
        focus: null,
      },
    );
    expect(v).toEqual({ x: 16, y: 52, zoom: 1 });
  });

  it('with no focus, opens a graph taller than the pane on its first column, not above it', () => {
    // Devices (x 0) from y 400 down; VMs (x 600) from y 0 to 1400: at zoom 1 in a
    // 400x300 pane, the view starts at the devices' top (y offset -400), not at y 0,
    // which shows only the empty space above them in the first column.
    const rects = [
      { x: 0, y: 400, width: 200, height: 80 },
      { x: 0, y: 500, width: 200, height: 80 },
      { x: 600, y: 0, width: 200, height: 1400 },
    ];
    expect(firstColumnTop(rects)).toBe(400);
    const bounds = union(rects)!;
    const opts = { minZoom: 1, maxZoom: 1, margins: NO_MARGINS, focus: null };
    expect(fitViewport(bounds, { width: 400, height: 300 }, { ...opts, startY: 400 }).y).toBe(-400);
    // Clamped at the graph's bottom edge: never empty canvas below a cut graph (300 - 1400).
    expect(fitViewport(bounds, { width: 400, height: 300 }, { ...opts, startY: 1300 }).y).toBe(
      -1100,
    );
    // Without it, the graph's top, as before.
    expect(fitViewport(bounds, { width: 400, height: 300 }, opts).y).toBe(0);
    expect(firstColumnTop([])).toBeNull();
  });

  it('centres the focus when it can, and stops at the graph edge when it cannot', () => {
    const opts = { minZoom: 1, maxZoom: 2, margins: NO_MARGINS };
    const graph = { x: 0, y: 0, width: 2000, height: 300 };
    const pane = { width: 500, height: 400 };
    // Focus centre at x = 1000 -> x offset 250 - 1000.
    expect(
      fitViewport(graph, pane, { ...opts, focus: { x: 900, y: 0, width: 200, height: 10 } }).x,
    ).toBe(-750);
    // A focus at the far right stops with the graph's right edge at the pane's: 500 - 2000.
    expect(
      fitViewport(graph, pane, { ...opts, focus: { x: 1950, y: 0, width: 50, height: 10 } }).x,
    ).toBe(-1500);
    // The axis that fits stays centred whatever the focus.
    expect(
      fitViewport(graph, pane, { ...opts, focus: { x: 0, y: 0, width: 1, height: 1 } }).y,
    ).toBe(50);
  });

  it('never goes below the legible zoom, and shows the focus it was given', () => {
    const rect = fc.record({
      x: fc.integer({ min: -500, max: 500 }),
      y: fc.integer({ min: -500, max: 500 }),
      width: fc.integer({ min: 50, max: 4000 }),
      height: fc.integer({ min: 50, max: 3000 }),
    });
    fc.assert(
      fc.property(
        rect,
        fc.integer({ min: 300, max: 2500 }),
        fc.integer({ min: 200, max: 1500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (graph, w, h, fx, fy) => {
          const pane = { width: w, height: h };
          const focus = {
            x: graph.x + fx * (graph.width - 40),
            y: graph.y + fy * (graph.height - 40),
            width: 40,
            height: 40,
          };
          const v = fitViewport(graph, pane, {
            minZoom: 1,
            maxZoom: 2,
            margins: NO_MARGINS,
            focus,
          });
          expect(v.zoom).toBeGreaterThanOrEqual(1);
          expect(v.zoom).toBeLessThanOrEqual(2);
          // A 40 px focus always fits in a pane of 200 px or more at zoom <= 2.
          expect(isInView(focus, v, pane, NO_MARGINS)).toBe(true);
        },
      ),
    );
  });
});

describe('legibleZoom and union', () => {
  it('turns a wanted text size into a zoom over the 12 px smallest font', () => {
    expect(legibleZoom(12)).toBe(1);
    expect(legibleZoom(18)).toBe(1.5);
  });

  it('bounds rectangles, and has none for nothing', () => {
    expect(union([])).toBeNull();
    expect(
      union([
        { x: 0, y: 10, width: 5, height: 5 },
        { x: -3, y: 12, width: 2, height: 10 },
      ]),
    ).toEqual({ x: -3, y: 10, width: 8, height: 12 });
  });
});

describe('following across columns', () => {
  const opts = { minZoom: 1, maxZoom: 1, margins: NO_MARGINS };
  // Five 200 px columns 100 px apart: 0, 300, 600, 900, 1200 (graph 1400 wide), in a 700 px pane.
  const columns = [0, 300, 600, 900, 1200];
  const graph = { x: 0, y: 0, width: 1400, height: 100 };
  const pane = { width: 700, height: 400 };

  it('starts the view at a column edge near the centred view, with the focus in it', () => {
    // Centred on a focus spanning 600..1100 (x centre 850): offset 350 - 850 = -500,
    // which would cut the column at 300..500 through its nodes. The nearest column edge
    // that keeps 600..1100 in view is 600 (offset -600; 900 would push 600..900 out).
    const focus = { x: 600, y: 0, width: 500, height: 10 };
    expect(fitViewport(graph, pane, { ...opts, focus }).x).toBe(-500);
    const v = fitViewport(graph, pane, { ...opts, focus, columns });
    expect(v.x).toBe(-600);
    expect(isInView(focus, v, pane, NO_MARGINS)).toBe(true);
  });

  it('keeps the centred view when no column edge shows the whole focus', () => {
    // 250..950 is wider than the pane less nothing: no column start keeps it all in view.
    const focus = { x: 250, y: 0, width: 690, height: 10 };
    const centred = fitViewport(graph, pane, { ...opts, focus }).x;
    expect(fitViewport(graph, pane, { ...opts, focus, columns }).x).toBe(centred);
  });

  it('takes as edges only the starts that no node straddles', () => {
    expect(
      columnEdges([
        { x: 0, y: 0, width: 200, height: 10 },
        { x: 150, y: 20, width: 200, height: 10 },
        { x: 400, y: 0, width: 100, height: 10 },
      ]),
    ).toEqual([0, 400]);
  });
});

describe('followViewport', () => {
  // A column of three 100-px VMs, 20 px apart, in a pane that shows about two of them.
  const margins = { top: 50, right: 10, bottom: 10, left: 10 };
  const pane = { width: 400, height: 300 }; // free: 380 x 240
  const bounds = { x: 0, y: 0, width: 1000, height: 340 };
  const vm = (i: number) => ({ x: 700, y: i * 120, width: 200, height: 100 });
  const fitted = { x: -650, y: -999, zoom: 1 };

  it('stays put on an axis where the focus is already in view', () => {
    const now = { x: -650, y: 50, zoom: 1 }; // vm0 at 50..150, vm1 at 170..270
    expect(followViewport(now, fitted, vm(1), bounds, pane, margins)).toEqual(now);
  });

  it('moves the least that brings the focus in, keeping what was seen with it', () => {
    const now = { x: -650, y: 50, zoom: 1 };
    // vm2 (240..340 in the graph) ends at 290 + 100 = 390 > 290: up by 100, vm1 stays in view.
    const next = followViewport(now, fitted, vm(2), bounds, pane, margins);
    expect(next).toEqual({ x: -650, y: -50, zoom: 1 });
    expect(isInView(vm(1), next, pane, margins)).toBe(true);
    // And back to vm0: down again, by as little.
    expect(followViewport(next, fitted, vm(0), bounds, pane, margins)).toEqual(now);
  });

  it('takes the fitted placement across, where columns decide, and for a focus too big', () => {
    const now = { x: 0, y: 50, zoom: 1 };
    expect(followViewport(now, fitted, vm(0), bounds, pane, margins).x).toBe(-650);
    const tall = { x: 700, y: 0, width: 200, height: 300 };
    expect(followViewport(now, fitted, tall, bounds, pane, margins).y).toBe(-999);
  });

  it('never moves past the graph edges', () => {
    const now = { x: -650, y: 50, zoom: 1 };
    const low = { x: 700, y: 330, width: 200, height: 10 };
    // The least move puts it at the bottom edge; the graph's end is there too.
    expect(followViewport(now, fitted, low, bounds, pane, margins).y).toBe(290 - 340);
  });
});
