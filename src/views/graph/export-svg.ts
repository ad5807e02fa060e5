/**
 * The topology as a real vector SVG: boxes as <rect>, words as <text>, edges
 * as <path>, the Figure 5 gates as their own SVG shapes; no HTML, no
 * foreignObject, so Inkscape and slide tools can edit every piece. It is read
 * from the graph as drawn (React Flow measured and placed it), in graph
 * coordinates (React Flow's positions before zoom), without the controls: buttons, zoom buttons, handles and
 * anything hidden stay out.
 */

/** What never goes into the picture: controls, connection dots, hidden text. */
const SKIP = [
  'button',
  '.intx-buttons',
  '.react-flow__handle',
  '.react-flow__controls',
  '.react-flow__attribution',
  '.react-flow__panel',
  '[hidden]',
  'title',
  'desc',
  '.intx-gates__hit',
].join(', ');

/** SVG presentation properties copied from the computed style of drawn shapes. */
const PAINT = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
] as const;

/** Space around the nodes in the picture, in graph px. */
const MARGIN = 16;

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const num = (n: number): string => String(Math.round(n * 100) / 100);

function transparent(colour: string): boolean {
  return colour === '' || colour === 'transparent' || /rgba\(.*,\s*0\)$/.test(colour);
}

/** Graph coordinates of screen rectangles, from the viewport's transform. */
interface Frame {
  originX: number;
  originY: number;
  zoom: number;
}

function toGraphSpace(
  frame: Frame,
  r: DOMRect,
): { x: number; y: number; width: number; height: number } {
  return {
    x: (r.left - frame.originX) / frame.zoom,
    y: (r.top - frame.originY) / frame.zoom,
    width: r.width / frame.zoom,
    height: r.height / frame.zoom,
  };
}

/** A box with a visible background or border becomes a rect with the same paint. */
function boxOf(el: HTMLElement, frame: Frame): string | null {
  const style = getComputedStyle(el);
  const bg = style.backgroundColor;
  const borderWidth = parseFloat(style.borderTopWidth) || 0;
  const border = borderWidth > 0 && style.borderTopStyle !== 'none' ? style.borderTopColor : '';
  if (transparent(bg) && transparent(border)) return null;
  const r = toGraphSpace(frame, el.getBoundingClientRect());
  if (r.width <= 0 || r.height <= 0) return null;
  const radius = parseFloat(style.borderTopLeftRadius) || 0;
  const half = borderWidth / 2;
  const attrs = [
    `x="${num(r.x + half)}"`,
    `y="${num(r.y + half)}"`,
    `width="${num(Math.max(0, r.width - borderWidth))}"`,
    `height="${num(Math.max(0, r.height - borderWidth))}"`,
    radius > 0 ? `rx="${num(radius)}"` : '',
    `fill="${transparent(bg) ? 'none' : bg}"`,
    transparent(border)
      ? ''
      : `stroke="${border}" stroke-width="${num(borderWidth)}"${style.borderTopStyle === 'dashed' ? ' stroke-dasharray="3 2"' : ''}`,
  ];
  return `<rect ${attrs.filter(Boolean).join(' ')}/>`;
}

/** One text node as <text>, at the baseline of the line it is drawn on. */
function textOf(node: Text, frame: Frame): string | null {
  const value = node.textContent?.replace(/\s+/g, ' ') ?? '';
  if (value.trim() === '') return null;
  const el = node.parentElement!;
  const range = document.createRange();
  range.selectNodeContents(node);
  const r = range.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return null;
  const box = toGraphSpace(frame, r);
  const style = getComputedStyle(el);
  const size = parseFloat(style.fontSize);
  // The baseline sits about 0.8 em under the top of a line box of the font's own height.
  const baseline = box.y + (box.height - size * 1.2) / 2 + size * 0.95;
  const attrs = [
    `x="${num(box.x)}"`,
    `y="${num(baseline)}"`,
    `font-family="${esc(style.fontFamily)}"`,
    `font-size="${num(size)}"`,
    style.fontWeight !== '400' ? `font-weight="${style.fontWeight}"` : '',
    style.fontStyle === 'italic' ? 'font-style="italic"' : '',
    `fill="${style.color}"`,
  ];
  // Spaces kept as drawn (the root has xml:space="preserve"): "in flight" + ": 0" stays one line.
  return `<text ${attrs.filter(Boolean).join(' ')}>${esc(value)}</text>`;
}

/** An SVG element's own markup, with its stylesheet paint written inline. */
function inlineSvg(svg: SVGSVGElement, frame: Frame): string {
  const r = toGraphSpace(frame, svg.getBoundingClientRect());
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const target = copies[i]!;
    const style = getComputedStyle(original);
    for (const p of PAINT) target.setAttribute(p, style.getPropertyValue(p));
    if (original instanceof SVGTextElement || original instanceof SVGTSpanElement) {
      target.setAttribute('font-family', style.fontFamily);
      target.setAttribute('font-size', style.fontSize);
      target.setAttribute('font-weight', style.fontWeight);
    }
    // Only the drawing: no classes, handlers' state or accessibility wiring to dangling ids.
    for (const name of target.getAttributeNames()) {
      if (/^(class|style|tabindex|role|aria-.*|data-.*)$/.test(name)) target.removeAttribute(name);
    }
  });
  copy.querySelectorAll(SKIP).forEach((el) => el.remove());
  copy.setAttribute('x', num(r.x));
  copy.setAttribute('y', num(r.y));
  copy.setAttribute('width', num(r.width));
  copy.setAttribute('height', num(r.height));
  copy.removeAttribute('role');
  copy.removeAttribute('aria-label');
  return new XMLSerializer().serializeToString(copy).replace(/ xmlns="[^"]*"/, '');
}

/** Every box, word and drawing inside `root`, in document order (paint order). */
function contentOf(root: HTMLElement, frame: Frame, out: string[]): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node instanceof Element) {
        if (node.matches(SKIP)) return NodeFilter.FILTER_REJECT;
        if (node instanceof SVGElement && !(node instanceof SVGSVGElement))
          return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let n = walker.currentNode as Node | null; n; n = walker.nextNode()) {
    if (n instanceof SVGSVGElement) {
      out.push(inlineSvg(n, frame));
    } else if (n instanceof HTMLElement) {
      if (getComputedStyle(n).visibility === 'hidden') continue;
      const rect = boxOf(n, frame);
      if (rect) out.push(rect);
    } else if (n instanceof Text) {
      const text = textOf(n, frame);
      if (text) out.push(text);
    }
  }
}

/** Edge paths with their paint inlined and their arrow markers, still in graph coordinates. */
function edgesOf(viewport: HTMLElement): { defs: string[]; paths: string[] } {
  const defs: string[] = [];
  viewport.querySelectorAll<SVGMarkerElement>('marker').forEach((m) => {
    const copy = m.cloneNode(true) as SVGMarkerElement;
    const originals = [...m.querySelectorAll('*')];
    [...copy.querySelectorAll('*')].forEach((el, i) => {
      const style = getComputedStyle(originals[i]!);
      for (const p of PAINT) el.setAttribute(p, style.getPropertyValue(p));
      el.removeAttribute('style');
      el.removeAttribute('class');
    });
    defs.push(new XMLSerializer().serializeToString(copy).replace(/ xmlns="[^"]*"/, ''));
  });
  const paths: string[] = [];
  viewport
    .querySelectorAll<SVGPathElement>('.react-flow__edge path.react-flow__edge-path')
    .forEach((p) => {
      const style = getComputedStyle(p);
      const marker = p.getAttribute('marker-end');
      const attrs = [
        `d="${esc(p.getAttribute('d') ?? '')}"`,
        'fill="none"',
        `stroke="${style.stroke}"`,
        `stroke-width="${style.strokeWidth}"`,
        style.strokeDasharray !== 'none' ? `stroke-dasharray="${style.strokeDasharray}"` : '',
        style.strokeOpacity !== '1' ? `stroke-opacity="${style.strokeOpacity}"` : '',
        style.opacity !== '1' ? `opacity="${style.opacity}"` : '',
        marker ? `marker-end="${esc(marker)}"` : '',
      ];
      paths.push(`<path ${attrs.filter(Boolean).join(' ')}/>`);
    });
  return { defs, paths };
}

/**
 * The SVG document of the graph on screen under `viewport` (the React Flow
 * viewport element). Throws with a readable message when nothing is drawn.
 */
export function topologySvg(viewport: HTMLElement, background: string): string {
  const m = new DOMMatrix(getComputedStyle(viewport).transform);
  const origin = viewport.getBoundingClientRect();
  const frame: Frame = { originX: origin.left, originY: origin.top, zoom: m.a || 1 };
  const nodes = [...viewport.querySelectorAll<HTMLElement>('.react-flow__node')];
  if (nodes.length === 0) throw new Error('the graph has no nodes yet');

  // Nodes and edges (the host's configuration lane runs under and left of the nodes).
  const boxes = nodes.map((n) => toGraphSpace(frame, n.getBoundingClientRect()));
  viewport.querySelectorAll<SVGPathElement>('.react-flow__edge path').forEach((p) => {
    const b = p.getBBox();
    if (b.width > 0 || b.height > 0) boxes.push(b);
  });
  const x0 = Math.min(...boxes.map((b) => b.x)) - MARGIN;
  const y0 = Math.min(...boxes.map((b) => b.y)) - MARGIN;
  const x1 = Math.max(...boxes.map((b) => b.x + b.width)) + MARGIN;
  const y1 = Math.max(...boxes.map((b) => b.y + b.height)) + MARGIN;

  const { defs, paths } = edgesOf(viewport);
  const body: string[] = [];
  nodes.forEach((node) => {
    const label = node.getAttribute('aria-label') ?? node.dataset['id'] ?? 'node';
    const parts: string[] = [];
    contentOf(node, frame, parts);
    body.push(
      `<g id="${esc(node.dataset['id'] ?? '')}"><title>${esc(label)}</title>${parts.join('')}</g>`,
    );
  });
  const tags: string[] = [];
  viewport
    .closest('.react-flow')
    ?.querySelectorAll<HTMLElement>('.intx-edge-tag')
    .forEach((tag) => contentOf(tag, frame, tags));

  const width = x1 - x0;
  const height = y1 - y0;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xml:space="preserve" width="${num(width)}" height="${num(height)}" viewBox="${num(x0)} ${num(y0)} ${num(width)} ${num(height)}">`,
    '<title>INTx Lab topology</title>',
    `<defs>${defs.join('')}</defs>`,
    `<rect x="${num(x0)}" y="${num(y0)}" width="${num(width)}" height="${num(height)}" fill="${background}"/>`,
    `<g id="edges">${paths.join('')}</g>`,
    `<g id="nodes">${body.join('')}</g>`,
    `<g id="edge-labels">${tags.join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}
