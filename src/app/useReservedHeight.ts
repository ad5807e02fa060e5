import { useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';

/**
 * Keeps an element's last laid-out height (from a ResizeObserver: never read
 * in a render or a step) and, while `hold` is true, hands it to the element's
 * CSS as `--reserved-height`, so content drawn a frame later moves nothing
 * around it. The CSS uses it only where the element is sized by its content
 * (the side column in the narrow layout; in the wide one the grid sizes it).
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
  const reserved =
    hold && height > 0 ? ({ '--reserved-height': `${height}px` } as CSSProperties) : undefined;
  return { ref, reserved };
}
