import { scenarioSlug } from '../../trace-io/export/file-names';

export type GraphImageKind = 'svg' | 'png';

/** PNG pixels per CSS pixel: sharp on a projector. */
const PNG_PIXEL_RATIO = 2;

/** The first opaque background from `el` up: the colour the graph is seen on. */
function backgroundOf(el: Element): string {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#ffffff';
}

export function graphImageFileName(
  scenario: { name: string; policy: string },
  kind: GraphImageKind,
): string {
  return `intx-lab_${scenarioSlug(scenario.name)}_${scenario.policy}.graph.${kind}`;
}

/** Draws the vector picture on a canvas: the PNG is the same picture as the SVG, in pixels. */
async function rasterize(svg: string): Promise<string> {
  const size = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  const width = Math.ceil(Number(size?.[1] ?? 0));
  const height = Math.ceil(Number(size?.[2] ?? 0));
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * PNG_PIXEL_RATIO;
    canvas.height = height * PNG_PIXEL_RATIO;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.scale(PNG_PIXEL_RATIO, PNG_PIXEL_RATIO);
    context.drawImage(image, 0, 0, width, height);
    return canvas.toDataURL('image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The whole topology (not just what is scrolled into view) as an image: a real
 * vector SVG (boxes, text and paths, editable in Inkscape) or that picture as
 * a PNG, both without the node controls. Throws with a readable message when
 * there is no graph on screen.
 */
export async function graphImage(
  kind: GraphImageKind,
  root: ParentNode = document,
): Promise<string> {
  const viewport = root.querySelector<HTMLElement>('.intx-graph .react-flow__viewport');
  if (!viewport) throw new Error('there is no graph on screen (open the Visualize tab first)');
  const pane = viewport.closest<HTMLElement>('.react-flow') ?? viewport;
  // The SVG writer is loaded on the first export, not with the page.
  const { topologySvg } = await import('../graph/export-svg');
  const svg = topologySvg(viewport, backgroundOf(pane));
  return kind === 'svg'
    ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
    : await rasterize(svg);
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
