import { useEffect } from 'react';
import { useAppStoreApi } from '../store';
import { commandForKey } from './keys';
import { COMMANDS } from './registry';
import type { Command } from './types';

/**
 * Runs the registry's commands from the keyboard, anywhere in the page except
 * in fields (and Space on a focused button). Handled keys do not also scroll the page
 * (Space, arrows, Home and End would otherwise scroll it).
 */
export function useKeyboardShortcuts(commands: readonly Command[] = COMMANDS): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // `defaultPrevented` is not a reason to skip: React Flow prevents the
      // default of every Space press on the page (its pan key). Widgets that
      // own a key stop its propagation, or are fields that commandForKey skips.
      const command = commandForKey(event, commands);
      if (!command) return;
      event.preventDefault();
      if (command.isEnabled(store.getState())) void command.run(store);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, commands]);
}
