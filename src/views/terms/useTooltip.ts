import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';

export interface TooltipAnchor {
  /** The word's box on screen when the tooltip opened. */
  rect: DOMRect;
}

/**
 * Open on hover, focus or tap; close on leave (unless focused), blur or Escape,
 * so the tooltip can always be dismissed without moving the pointer or focus.
 */
export function useTooltip<E extends Element>() {
  const [anchor, setAnchor] = useState<TooltipAnchor | null>(null);
  const open = useCallback((event: { currentTarget: E }) => {
    setAnchor({ rect: event.currentTarget.getBoundingClientRect() });
  }, []);
  const close = useCallback(() => setAnchor(null), []);
  // A focused word (tabbed to, or tapped) keeps its tooltip until blur or Escape.
  const leave = useCallback(
    (event: { currentTarget: E }) => {
      if (document.activeElement !== event.currentTarget) close();
    },
    [close],
  );
  const onKeyDown = useCallback(
    (event: KeyboardEvent<E>) => {
      if (event.key === 'Escape' && anchor !== null) {
        event.stopPropagation();
        close();
      }
    },
    [anchor, close],
  );
  // A scroll or zoom moves the word: the tooltip would point at nothing.
  useEffect(() => {
    if (anchor === null) return undefined;
    window.addEventListener('wheel', close, { passive: true });
    return () => window.removeEventListener('wheel', close);
  }, [anchor, close]);
  return {
    anchor,
    handlers: {
      onMouseEnter: open,
      onMouseLeave: leave,
      onFocus: open,
      onClick: open,
      onBlur: close,
      onKeyDown,
    },
  };
}
