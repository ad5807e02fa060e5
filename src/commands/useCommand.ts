import { useCallback } from 'react';
import { useAppStore, useAppStoreApi } from '../store';
import { commandLabel, getCommand } from './registry';
import type { CommandId } from './types';

/** A command bound to the store: its live label, whether it is enabled, and a runner. */
export function useCommand(id: CommandId) {
  const command = getCommand(id);
  const store = useAppStoreApi();
  // Booleans and strings: stable results, so inline selectors are safe here.
  const enabled = useAppStore((s) => command.isEnabled(s));
  const label = useAppStore((s) => commandLabel(command, s));
  const run = useCallback(() => {
    if (command.isEnabled(store.getState())) void command.run(store);
  }, [command, store]);
  return { command, enabled, label, run };
}
