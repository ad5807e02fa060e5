import type { Page } from 'playwright-core';

/**
 * The smallest text drawn in the graph nodes under `root` (every graph there),
 * in CSS px on screen: font size times the graph's zoom.
 */
export function smallestNodeText(
  page: Page,
  root = 'body',
): Promise<{ size: number; text: string }> {
  return page.evaluate((sel) => {
    let best = { size: Infinity, text: '' };
    for (const graph of document.querySelectorAll<HTMLElement>(`${sel} .intx-graph`)) {
      const viewport = graph.querySelector<HTMLElement>('.react-flow__viewport');
      const zoom = viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : 1;
      const nodes = graph.querySelector('.react-flow__nodes');
      if (!nodes) continue;
      const walker = document.createTreeWalker(nodes, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim()) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const size = parseFloat(getComputedStyle(el).fontSize) * zoom;
        if (size < best.size) best = { size, text: n.textContent.trim() };
      }
    }
    return best;
  }, root);
}
