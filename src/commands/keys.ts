import type { Command, Shortcut } from './types';

/** The parts of a KeyboardEvent that decide whether a shortcut applies. */
export interface KeyInput {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  target: EventTarget | null;
}

/**
 * Elements that own their keys: typing there never steps the simulation. A
 * radio or a checkbox owns only Space (see ACTIVATABLE); the policy radios
 * cancel their own Left/Right, so those step the player as everywhere else.
 */
const EDITABLE =
  'input:not([type="radio"]):not([type="checkbox"]), textarea, select, [contenteditable=""], [contenteditable="true"]';
/** Elements that Space activates; a focused "Raise" button must raise, not play. */
const ACTIVATABLE =
  'button, a[href], summary, input, [role="button"], [role="checkbox"], [role="switch"], [role="radio"]';

function closest(target: EventTarget | null, selector: string): boolean {
  const el = target as (Element & { isContentEditable?: boolean }) | null;
  if (!el || typeof el.closest !== 'function') return false;
  return el.closest(selector) !== null;
}

export function isEditableTarget(target: EventTarget | null): boolean {
  const el = target as { isContentEditable?: boolean } | null;
  return el?.isContentEditable === true || closest(target, EDITABLE);
}

/** Every key of a command: its shortcut first, then the alternates. */
export function shortcutsOf(command: Command): readonly Shortcut[] {
  const main = command.shortcut ? [command.shortcut] : [];
  return [...main, ...(command.alternateShortcuts ?? [])];
}

function matches(s: Shortcut, key: string, shift: boolean, ctrl: boolean): boolean {
  return s.key === key && (s.shift ?? false) === shift && (s.ctrl ?? false) === ctrl;
}

/** The command a key press runs, or null (wrong key, a modifier, or the focused element owns it). */
export function commandForKey(input: KeyInput, commands: readonly Command[]): Command | null {
  if (input.altKey) return null;
  if (isEditableTarget(input.target)) return null;
  if (input.key === ' ' && closest(input.target, ACTIVATABLE)) return null;
  const ctrl = input.ctrlKey || input.metaKey;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  return (
    commands.find((c) => shortcutsOf(c).some((s) => matches(s, key, input.shiftKey, ctrl))) ?? null
  );
}
