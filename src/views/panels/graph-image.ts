import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import { scenarioSlug } from '../../trace-io/export/file-names';

export type GraphImageKind = 'svg' | 'png';

/** Space around the nodes, as a fraction of the image (React Flow's padding). */
const PADDING = 0.04;
/** PNG pixels per CSS pixel: sharp on a projector. */
const PNG_PIXEL_RATIO = 2;

/** `translate(12px, 34.5px)` -> [12, 34.5] (React Flow places every node this way). */
function translation(transform: string): [number, number] | null {
  const m = /translate\(\s*(-?[\d.]+)px\s*,\s*(-?[\d.]+)px\s*\)/.exec(transform);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** The first opaque background from `el` up: the colour the graph is seen on. */
function backgroundOf(el: Element): string {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#ffffff';
}

/** SVG paint properties that the graph's stylesheet sets on edge paths and markers. */
const SVG_PAINT = ['stroke', 'stroke-width', 'stroke-dasharray', 'fill', 'opacity'] as const;

/**
 * html-to-image copies computed styles onto HTML elements but not onto the
 * shapes inside an SVG, so edges drawn by class (stroke from the stylesheet)
 * would come out invisible. Their paint is written inline for the capture;
 * the returned function puts every style back as it was.
 */
function inlineSvgPaint(root: HTMLElement): () => void {
  const saved: [SVGElement, string][] = [];
  root
    .querySelectorAll<SVGElement>('svg path, svg polyline, svg line, svg circle, svg rect')
    .forEach((el) => {
      const computed = getComputedStyle(el);
      saved.push([el, el.style.cssText]);
      for (const property of SVG_PAINT) {
        el.style.setProperty(property, computed.getPropertyValue(property));
      }
    });
  return () => saved.forEach(([el, css]) => (el.style.cssText = css));
}

/** The graph's nodes as React Flow placed and measured them, read from the page. */
function renderedNodes(viewport: HTMLElement): Node[] {
  const nodes: Node[] = [];
  viewport.querySelectorAll<HTMLElement>('.react-flow__node').forEach((el, i) => {
    const at = translation(el.style.transform);
    if (!at) return;
    nodes.push({
      id: el.dataset['id'] ?? String(i),
      position: { x: at[0], y: at[1] },
      data: {},
      measured: { width: el.offsetWidth, height: el.offsetHeight },
    });
  });
  return nodes;
}

export function graphImageFileName(
  scenario: { name: string; policy: string },
  kind: GraphImageKind,
): string {
  return `intx-lab_${scenarioSlug(scenario.name)}_${scenario.policy}.graph.${kind}`;
}

/**
 * The whole topology (not just what is scrolled into view) as an image, the
 * way React Flow's "download image" example does it: fit every node's bounds
 * into an image of their size and render the viewport element with that
 * transform. Throws with a readable message when there is no graph on screen.
 */
export async function graphImage(
  kind: GraphImageKind,
  root: ParentNode = document,
): Promise<string> {
  const viewport = root.querySelector<HTMLElement>('.intx-graph .react-flow__viewport');
  if (!viewport) throw new Error('there is no graph on screen (open the Visualize tab first)');
  const nodes = renderedNodes(viewport);
  if (nodes.length === 0) throw new Error('the graph has no nodes yet');
  const bounds = getNodesBounds(nodes);
  const width = Math.ceil(bounds.width * (1 + 2 * PADDING));
  const height = Math.ceil(bounds.height * (1 + 2 * PADDING));
  const fit = getViewportForBounds(bounds, width, height, 0.5, 2, PADDING);
  const pane = viewport.closest<HTMLElement>('.react-flow') ?? viewport;
  const options = {
    // The page's background (light or dark), so the image matches the screen.
    backgroundColor: backgroundOf(pane),
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${fit.x}px, ${fit.y}px) scale(${fit.zoom})`,
    },
  };
  const restore = inlineSvgPaint(viewport);
  try {
    return kind === 'svg'
      ? await toSvg(viewport, options)
      : await toPng(viewport, { ...options, pixelRatio: PNG_PIXEL_RATIO });
  } finally {
    restore();
  }
}

/** Hands a data: URL to the browser as a download. */
export function downloadDataUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}
