import { useEffect, useState } from 'react';

/**
 * The width of an element (px), kept up to date as it is resized. `fallback`
 * stands until a real width has been measured (and where ResizeObserver is
 * missing, as in jsdom).
 */
export function useElementWidth(el: HTMLElement | null, fallback = 0): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return width;
}

/**
 * A callback ref and the width of the element it is attached to. A callback
 * ref (not a ref object) so that an element rendered later, or replaced, is
 * measured too.
 */
export function useWidth<T extends HTMLElement>(fallback: number) {
  const [el, ref] = useState<T | null>(null);
  return { ref, width: useElementWidth(el, fallback) };
}
