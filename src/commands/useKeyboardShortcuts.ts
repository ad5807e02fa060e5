import { useEffect, type RefObject } from 'react';
import { useAppStoreApi } from '../store';
import { commandForKey } from './keys';
import { COMMANDS } from './registry';
import type { Command } from './types';

/** The keys whose default scrolls the page. */
const SCROLL_KEYS = new Set([
  ' ',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
]);

/**
 * Runs the registry's commands from the keyboard, anywhere in the page except
 * in fields (and Space on a focused button). Handled keys do not also scroll the page
 * (Space, arrows, Home and End would otherwise scroll it), even when their command
 * has nothing to do; other keys of a disabled command keep their default.
 *
 * With `scope` (embed mode), keys count only while focus is inside that
 * element: a frame in a course page must not take the keys meant for the page.
 */
export function useKeyboardShortcuts(
  commands: readonly Command[] = COMMANDS,
  scope?: RefObject<HTMLElement | null>,
): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const target: Pick<Window, 'addEventListener' | 'removeEventListener'> | null = scope
      ? scope.current
      : window;
    if (!target) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // `defaultPrevented` is not a reason to skip: React Flow prevents the
      // default of every Space press on the page (its pan key). Widgets that
      // own a key stop its propagation, or are fields that commandForKey skips.
      const command = commandForKey(event, commands);
      if (!command) return;
      if (command.isEnabled(store.getState())) {
        event.preventDefault();
        void command.run(store);
      } else if (SCROLL_KEYS.has(event.key)) {
        // A player key with nothing to do still must not scroll the page. Any other key is
        // left to the browser: Escape, say, still closes a native dialog.
        event.preventDefault();
      }
    };
    target.addEventListener('keydown', onKeyDown as EventListener);
    return () => target.removeEventListener('keydown', onKeyDown as EventListener);
  }, [store, commands, scope]);
}
