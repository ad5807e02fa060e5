import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';

/** Time (ns) to pixels across the lanes area. */
export type TimeScale = ScaleLinear<number, number>;

/** The narrowest window one can zoom to: a few nanoseconds still show their own changes. */
export const MIN_SPAN_NS = 20;

/** The whole run plus a small margin after its end, so the last change is visible. */
export function fullDomain(endT: number): [number, number] {
  const end = Math.max(0, endT);
  return [0, end + Math.max(MIN_SPAN_NS, end * 0.02)];
}

/** The scale of the whole run across `width` pixels (zoom level 1). */
export function baseScale(endT: number, width: number): TimeScale {
  return scaleLinear()
    .domain(fullDomain(endT))
    .range([0, Math.max(1, width)]);
}

/** The scale on screen: the base scale under a d3-zoom transform (only x and k are used). */
export function viewScale(base: TimeScale, transform: ZoomTransform): TimeScale {
  return transform.rescaleX(base);
}

/** The deepest zoom: the whole run over the narrowest window. */
export function maxZoom(endT: number): number {
  const [t0, t1] = fullDomain(endT);
  return Math.max(1, (t1 - t0) / MIN_SPAN_NS);
}

/**
 * Keeps a transform inside the run: zoom in [1, maxK], and the window never
 * leaves [0, width] of the base scale. Only x moves: the lanes scroll
 * vertically on their own, so y is always 0.
 */
export function clampTransform(
  transform: Pick<ZoomTransform, 'x' | 'k'>,
  width: number,
  maxK: number,
): ZoomTransform {
  const k = Math.min(maxK, Math.max(1, transform.k));
  const w = Math.max(1, width);
  const x = Math.min(0, Math.max(w - w * k, transform.x));
  return zoomIdentity.translate(x, 0).scale(k);
}

/**
 * The transform that shows [t0, t1] (clamped to the run) on the base scale:
 * for "fit", for keeping the cursor in view and for tests.
 */
export function transformForWindow(
  base: TimeScale,
  t0: number,
  t1: number,
  maxK: number,
): ZoomTransform {
  const width = base.range()[1]!;
  const x0 = base(Math.min(t0, t1));
  const x1 = base(Math.max(t0, t1));
  const k = width / Math.max(1e-9, x1 - x0);
  return clampTransform({ k, x: -x0 * Math.min(maxK, Math.max(1, k)) }, width, maxK);
}

/**
 * Pans a transform so that time `t` is well inside the window, leaving it
 * alone while it is: the cursor stays visible during stepping and play without
 * undoing the person's zoom. A cursor that comes within `edge` (a share of the
 * width) of either side is brought back to `rest` from the side it was
 * leaving by, so there is context both before it and after it.
 */
export function followTime(
  base: TimeScale,
  transform: ZoomTransform,
  t: number,
  maxK: number,
  edge = 0.05,
  rest = 0.3,
): ZoomTransform {
  const width = base.range()[1]!;
  const x = transform.applyX(base(t));
  if (x >= width * edge && x <= width * (1 - edge)) return transform;
  const target = x < width * edge ? width * (1 - rest) : width * rest;
  const next = clampTransform({ k: transform.k, x: transform.x + (target - x) }, width, maxK);
  // At the run's ends the clamp may leave the window where it was.
  return next.x === transform.x ? transform : next;
}

/**
 * A time in the unit of `magnitude` (s, ms, µs or ns) with just enough
 * decimals to tell apart multiples of `step`: "1.5 ms", "250 ns".
 */
export function formatTime(t: number, step = 1, magnitude = Math.max(Math.abs(t), step)): string {
  const units: [number, string][] = [
    [1e9, 's'],
    [1e6, 'ms'],
    [1e3, 'µs'],
    [1, 'ns'],
  ];
  const [size, unit] = units.find(([u]) => magnitude >= u) ?? units[units.length - 1]!;
  const digits = Math.max(0, Math.min(6, -Math.floor(Math.log10(Math.max(1e-9, step / size)))));
  return `${trimZeros((t / size).toFixed(digits))} ${unit}`;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** An exact time for the readout: whole nanoseconds with thousands separators. */
export function formatExactNs(t: number): string {
  const whole = Math.floor(t);
  const text = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${text} ns`;
}

export interface Tick {
  t: number;
  x: number;
  label: string;
}

/** About one labelled tick per `spacing` pixels, all in the unit of the window's end. */
export function timeTicks(scale: TimeScale, spacing = 110): Tick[] {
  const t1 = scale.domain()[1]!;
  const width = scale.range()[1]! - scale.range()[0]!;
  const ticks = scale.ticks(Math.max(2, Math.floor(width / spacing))).filter((t) => t >= 0);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : Math.max(1, t1);
  return ticks.map((t) => ({ t, x: scale(t), label: formatTime(t, step, t1) }));
}

/**
 * Whether the window on screen can be zoomed further in (wider than the narrowest
 * window) and out (narrower than the whole run), with a little slack for rounding.
 */
export function zoomRoom(view: TimeScale, endT: number): { in: boolean; out: boolean } {
  const [d0, d1] = view.domain() as [number, number];
  const [f0, f1] = fullDomain(endT);
  const span = d1 - d0;
  return { in: span > MIN_SPAN_NS * 1.01, out: span < (f1 - f0) * 0.99 };
}
