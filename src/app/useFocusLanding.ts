import { useEffect, useRef, type RefObject } from 'react';
import type { Workspace } from '../store';

/**
 * Focus on the page itself, or inside a workspace React still keeps while the next
 * one's code loads (Suspense hides it with `display: none` until then): as good as gone.
 */
function focusLost(active: Element | null): boolean {
  if (active === null || active === document.body) return true;
  return active.closest('[style*="display: none"]') !== null;
}

/**
 * Where focus goes when a control takes itself off the page: one that switches
 * the workspace from inside the one it leaves (a preset card's Open, Edit a
 * copy, a lesson's Start), the first-visit offer's Start lesson 1, a lesson's
 * Leave. The browser would drop focus to the page, so the next Tab starts again
 * at the top and a screen reader says nothing of where the person now is.
 * Focus lands on the lesson when one has just started beside the graph, else
 * on the workspace's tab, named and marked current (in the visualizer the
 * arrows step from there). Not on Play: the player's controls are disabled
 * while the run just asked for loads, and a disabled control loses focus. With
 * no tabs shown (an embedded page) it lands on the app itself. A change that
 * kept focus where it was (a workspace tab clicked) is left alone.
 */
export function useFocusLanding(
  workspace: Workspace,
  inLesson: boolean,
  root: RefObject<HTMLElement | null>,
): void {
  const shown = useRef({ workspace, inLesson });
  useEffect(() => {
    const before = shown.current;
    if (before.workspace === workspace && before.inLesson === inLesson) return undefined;
    shown.current = { workspace, inLesson };
    const app = root.current;
    if (app === null) return undefined;
    // The lesson's code may still be on its way: it is waited for a little, while focus
    // stays lost (focus the person moves meanwhile stays where they put it).
    const wantLesson = inLesson && !before.inLesson;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const land = (tries: number): void => {
      if (!focusLost(document.activeElement)) return;
      const lesson = wantLesson
        ? app.querySelector<HTMLElement>('section[aria-label="Lesson"]')
        : null;
      if (lesson) {
        lesson.focus();
        return;
      }
      if (wantLesson && tries > 0) {
        timer = setTimeout(() => land(tries - 1), LESSON_WAIT_MS);
        return;
      }
      const tab = app.querySelector<HTMLElement>('.workspace-tabs [aria-current="page"]');
      (tab ?? (app.hasAttribute('tabindex') ? app : null))?.focus();
    };
    land(LESSON_WAIT_TRIES);
    return () => clearTimeout(timer);
  }, [workspace, inLesson, root]);
}

/** How long a lesson just started may take to appear before focus goes to the tab: 2 s. */
const LESSON_WAIT_MS = 50;
const LESSON_WAIT_TRIES = 40;
