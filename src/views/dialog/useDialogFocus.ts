import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
}

/** A control that can take focus: an HTML element, or an SVG one (the gates' inputs). */
type Focusable = HTMLElement | SVGElement;

/** The same control drawn again, by a key that does not change with its value. */
function drawnAgain(opener: Focusable): Focusable | null {
  // Compared, not written into a selector: a value needs no escaping then.
  const find = (attr: string, value: string | null | undefined) =>
    value
      ? ([...document.querySelectorAll<Focusable>(`[${attr}]`)].find(
          (el) => el.getAttribute(attr) === value,
        ) ?? null)
      : null;
  return (
    find('data-focus-key', opener.getAttribute('data-focus-key')) ??
    find('data-testid', opener.getAttribute('data-testid')) ??
    find('aria-label', opener.getAttribute('aria-label'))
  );
}

/**
 * The element to give focus back to: the opener, or the same control drawn
 * again (a graph node re-renders after a recompute, and a Raise button is then
 * named Withdraw: found by its `data-focus-key`, test id or name), or the
 * player, so focus never drops to the page body.
 */
function returnTarget(opener: Focusable | null): Focusable | null {
  if (opener?.isConnected) return opener;
  const again = opener ? drawnAgain(opener) : null;
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
    const active = document.activeElement;
    const opener = active instanceof HTMLElement || active instanceof SVGElement ? active : null;
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
