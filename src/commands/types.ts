import type { AppState, AppStore } from '../store';

export type CommandId =
  | 'first'
  | 'back'
  | 'play-pause'
  | 'forward'
  | 'last'
  | 'prev-interrupt'
  | 'next-interrupt'
  | 'reset'
  | 'speed-up'
  | 'speed-down'
  | 'toggle-granularity'
  | 'undo'
  | 'redo'
  | 'keyboard-help'
  | 'toggle-presentation'
  | 'leave-presentation';

/** A key that runs a command: `key` is KeyboardEvent.key; Shift must match exactly. */
export interface Shortcut {
  key: string;
  shift?: boolean;
  /** Ctrl (or Cmd on a Mac) must be held; without it, no Ctrl/Cmd. */
  ctrl?: boolean;
  /** How the key is written in tooltips ("Shift+→"). */
  label: string;
}

/** One user action, used alike by buttons, keys and tests. */
export interface Command {
  id: CommandId;
  label: string;
  /** A label that depends on state ("Play" / "Pause"); else `label`. */
  labelFor?: (state: AppState) => string;
  shortcut?: Shortcut;
  /** Other keys for the same command (Ctrl+Y besides Ctrl+Shift+Z). */
  alternateShortcuts?: readonly Shortcut[];
  isEnabled(state: AppState): boolean;
  run(store: AppStore): void | Promise<void>;
}
