import { useEffect, useRef, type RefObject } from 'react';

/** A row counts as fully visible from this share of it up (rounding at the list's edges). */
const VISIBLE = 0.99;

/**
 * Keeps the list's current row (`aria-current="true"`) in view, scrolling it
 * to the middle of the list when it is not fully visible, without reading
 * layout in a step: an IntersectionObserver on the row reports, after the
 * frame's own layout, where it is, and only a row outside the view scrolls the
 * list (from the observer's rectangles). Each row is looked at once, when it
 * becomes current: a person scrolling the list is left alone. Runs again when
 * any of `deps` changes (the cursor, the window of rows).
 */
export function useKeepVisible(
  listRef: RefObject<HTMLElement | null>,
  deps: readonly unknown[],
): void {
  const observer = useRef<IntersectionObserver | null>(null);

  useEffect(() => {
    const list = listRef.current;
    if (!list || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) io.unobserve(entry.target);
        const entry = entries[entries.length - 1];
        const view = entry?.rootBounds;
        if (!entry || !view || entry.target !== current(list)) return;
        if (entry.intersectionRatio >= VISIBLE) return;
        const row = entry.boundingClientRect;
        // Layout is clean after the frame: reading scrollTop here costs no layout.
        const top = row.top - view.top + list.scrollTop;
        list.scrollTop = Math.max(0, top - (view.height - row.height) / 2);
      },
      { root: list, threshold: [0, VISIBLE] },
    );
    observer.current = io;
    return () => {
      io.disconnect();
      observer.current = null;
    };
  }, [listRef]);

  useEffect(() => {
    const list = listRef.current;
    const row = list ? current(list) : null;
    if (!row || !observer.current) return;
    observer.current.observe(row);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what moves the row
  }, deps);
}

function current(list: HTMLElement): Element | null {
  return list.querySelector('[aria-current="true"]');
}
