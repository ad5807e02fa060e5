/** Public API of the commands folder. */
export { COMMANDS, commandLabel, getCommand } from './registry';
export { commandForKey, isEditableTarget, shortcutsOf, type KeyInput } from './keys';
export { useKeyboardShortcuts } from './useKeyboardShortcuts';
export { useCommand } from './useCommand';
export type { Command, CommandId, Shortcut } from './types';
