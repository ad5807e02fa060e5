import { useEffect, useRef, type RefObject } from 'react';
import type { Workspace } from '../store';

/**
 * Where focus goes when a control switches the workspace from inside the one
 * it leaves (a preset card's Open, the editor's Run in visualizer, a lesson's
 * Start): that control is gone with its workspace, and the browser would drop
 * focus to the page, so the next Tab starts again at the top and a screen
 * reader says nothing of where the person now is. Focus lands on the new
 * workspace's tab, named and marked current (in the visualizer the arrows step
 * from there). Not on Play: the player's controls are disabled while the run
 * just asked for loads, and a disabled control loses focus. With no tabs shown
 * (an embedded page) it lands on the app itself. A switch that kept focus where
 * it was (a workspace tab clicked) is left alone.
 */
/**
 * Focus on the page itself, or inside a workspace React still keeps while the next
 * one's code loads (Suspense hides it with `display: none` until then): as good as gone.
 */
function focusLost(active: Element | null): boolean {
  if (active === null || active === document.body) return true;
  return active.closest('[style*="display: none"]') !== null;
}

export function useFocusLanding(workspace: Workspace, root: RefObject<HTMLElement | null>): void {
  const shown = useRef(workspace);
  useEffect(() => {
    if (shown.current === workspace) return;
    shown.current = workspace;
    if (!focusLost(document.activeElement)) return;
    const app = root.current;
    if (app === null) return;
    const landing =
      app.querySelector<HTMLElement>('.workspace-tabs [aria-current="page"]') ??
      (app.hasAttribute('tabindex') ? app : null);
    landing?.focus();
  }, [workspace, root]);
}
