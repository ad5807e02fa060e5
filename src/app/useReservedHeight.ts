import { useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';

/**
 * Keeps an element's last laid-out height (from a ResizeObserver: never read
 * in a render or a step) and, while `hold` is true, gives it that height as
 * its minimum, so content drawn a frame later moves nothing around it (where
 * the element is sized by its content, as the side column is in the narrow layout).
 */
export function useReservedHeight<E extends HTMLElement>(
  hold: boolean,
): { ref: RefObject<E | null>; reserved: CSSProperties | undefined } {
  const ref = useRef<E>(null);
  const [height, setHeight] = useState(0);
  const last = useRef(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      const height = entry?.borderBoxSize?.[0]?.blockSize ?? entry?.contentRect?.height;
      if (height !== undefined) last.current = height;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // Taken when the hold starts: the height the element had before its content went.
  useLayoutEffect(() => {
    if (hold) setHeight(last.current);
  }, [hold]);
  return {
    ref,
    reserved: hold && height > 0 ? { minHeight: height, boxSizing: 'border-box' } : undefined,
  };
}
