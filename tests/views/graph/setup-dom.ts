/**
 * What React Flow needs from a browser that jsdom lacks. Import it first in
 * every component test (with `// @vitest-environment jsdom` on top).
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

/** Reports each observed element at once, as if it had just been laid out. */
class InstantResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve(): void {}
  disconnect(): void {}
}

/** React Flow reads only the zoom (m22) from the viewport's transform. */
class ScaleOnlyMatrix {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([\d.]+)\)/)?.[1];
    this.m22 = scale === undefined ? 1 : Number(scale);
  }
}

globalThis.ResizeObserver = InstantResizeObserver as unknown as typeof ResizeObserver;
globalThis.DOMMatrixReadOnly = ScaleOnlyMatrix as unknown as typeof DOMMatrixReadOnly;

// jsdom lays nothing out: take sizes from inline styles, which the layout sets on every node.
Object.defineProperties(globalThis.HTMLElement.prototype, {
  offsetWidth: {
    configurable: true,
    get(this: HTMLElement) {
      return parseFloat(this.style.width) || 1;
    },
  },
  offsetHeight: {
    configurable: true,
    get(this: HTMLElement) {
      return parseFloat(this.style.height) || 1;
    },
  },
});

(globalThis.SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () =>
  ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;

afterEach(() => {
  cleanup();
});
