import { useEffect, type RefObject } from 'react';

/**
 * Closes a <details> menu on a press outside it or on Escape, as people
 * expect of a dropdown (a bare <details> stays open until clicked again).
 */
export function useDismiss(menu: RefObject<HTMLDetailsElement | null>): void {
  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      const el = menu.current;
      if (el?.open && e.target instanceof Node && !el.contains(e.target)) el.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      const el = menu.current;
      if (e.key === 'Escape' && el?.open) {
        // This Escape is the menu's: not also the page's (which leaves presentation mode).
        e.stopPropagation();
        el.open = false;
        el.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [menu]);
}
