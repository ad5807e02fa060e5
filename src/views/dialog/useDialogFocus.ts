import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
}

/**
 * The element to give focus back to: the opener, or the same control drawn
 * again (a graph node re-renders after a recompute: found by its test id or
 * name), or the player, so focus never drops to the page body.
 */
function returnTarget(opener: HTMLElement | null): HTMLElement | null {
  if (opener?.isConnected) return opener;
  const id = opener?.dataset['testid'];
  const label = opener?.getAttribute('aria-label');
  const again =
    (id ? document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(id)}"]`) : null) ??
    (label ? document.querySelector<HTMLElement>(`[aria-label="${CSS.escape(label)}"]`) : null);
  return again ?? document.querySelector<HTMLElement>('#player button:not([disabled])');
}

/**
 * A modal dialog's focus: on open, focus goes to `initial` (or the first
 * control, or the dialog itself); Tab and Shift+Tab stay inside; Escape calls
 * `onEscape` when the dialog can be dismissed; on close, focus returns to the
 * control that opened it (WAI-ARIA dialog pattern).
 */
export function useDialogFocus(
  ref: RefObject<HTMLElement | null>,
  open: boolean,
  initial?: RefObject<HTMLElement | null>,
  onEscape?: () => void,
): void {
  // The latest callback, so that a new one each render does not re-run the effect (and refocus).
  const escape = useRef(onEscape);
  useLayoutEffect(() => {
    escape.current = onEscape;
  });
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = ref.current;
    (initial?.current ?? (root ? focusables(root)[0] : null) ?? root)?.focus();
    const onKeyDown = (e: KeyboardEvent) => {
      const box = ref.current;
      if (!box) return;
      if (e.key === 'Escape' && escape.current) {
        e.preventDefault();
        e.stopPropagation();
        escape.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = focusables(box);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) {
        // Nothing to move to: focus stays on the dialog.
        e.preventDefault();
        if (!box.contains(document.activeElement)) box.focus();
        return;
      }
      const active = document.activeElement;
      if (!box.contains(active) || active === box) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      } else if (e.shiftKey && active === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && active === last) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      // After React has drawn what the dialog's action changed.
      requestAnimationFrame(() => returnTarget(opener)?.focus());
    };
  }, [open, ref, initial]);
}
