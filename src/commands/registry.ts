import type { AppState } from '../store';
import { MAX_SPEED, MIN_SPEED, nextMarker, playerEnd, selectJumpMarkers } from '../store';
import type { Command, CommandId } from './types';

/** A run is loaded, nothing is being recomputed and no edit awaits confirmation. */
const ready = (s: AppState) => s.run !== null && !s.loading && s.pendingEdit === null;
const notAtStart = (s: AppState) => ready(s) && s.cursor > 0;
/** Nothing is being recomputed and no edit awaits confirmation. */
const editable = (s: AppState) => !s.loading && s.pendingEdit === null;
/** Before the run's end, or before a lesson's unanswered prediction (the player stops there). */
const end = (s: AppState) => playerEnd(s.run?.eventCount ?? 0, s.cursorLimit);
const notAtEnd = (s: AppState) => ready(s) && s.cursor < end(s);

/** Every user action of the player, once. Order is the toolbar's order. */
export const COMMANDS: readonly Command[] = [
  {
    id: 'first',
    label: 'First',
    shortcut: { key: 'Home', label: 'Home' },
    isEnabled: notAtStart,
    run: (store) => store.getState().first(),
  },
  {
    id: 'back',
    label: 'Back',
    shortcut: { key: 'ArrowLeft', label: '←' },
    isEnabled: notAtStart,
    run: (store) => store.getState().stepBack(),
  },
  {
    id: 'play-pause',
    label: 'Play / Pause',
    labelFor: (s) => (s.playing ? 'Pause' : 'Play'),
    shortcut: { key: ' ', label: 'Space' },
    isEnabled: ready,
    run: (store) => store.getState().togglePlay(),
  },
  {
    id: 'forward',
    label: 'Forward',
    shortcut: { key: 'ArrowRight', label: '→' },
    isEnabled: (s) =>
      s.granularity === 'interrupt'
        ? notAtEnd(s) && nextMarker(s.run?.interruptCursors ?? [], s.cursor) !== null
        : notAtEnd(s),
    run: (store) => store.getState().stepForward(),
  },
  {
    id: 'last',
    label: 'Last',
    shortcut: { key: 'End', label: 'End' },
    isEnabled: notAtEnd,
    run: (store) => store.getState().last(),
  },
  {
    id: 'prev-interrupt',
    label: 'Previous interrupt',
    labelFor: (s) => (s.breakpoints.length > 0 ? 'Previous breakpoint' : 'Previous interrupt'),
    shortcut: { key: 'ArrowLeft', shift: true, label: 'Shift+←' },
    isEnabled: notAtStart,
    run: (store) => store.getState().prevInterrupt(),
  },
  {
    id: 'next-interrupt',
    label: 'Next interrupt',
    labelFor: (s) => (s.breakpoints.length > 0 ? 'Next breakpoint' : 'Next interrupt'),
    shortcut: { key: 'ArrowRight', shift: true, label: 'Shift+→' },
    // With breakpoints set, Shift+arrows run to the next condition met instead.
    isEnabled: (s) => notAtEnd(s) && nextMarker(selectJumpMarkers(s), s.cursor) !== null,
    run: (store) => store.getState().nextInterrupt(),
  },
  {
    id: 'reset',
    label: 'Reset',
    isEnabled: (s) => s.original !== null && !s.loading && s.pendingEdit === null,
    run: (store) => store.getState().reset(),
  },
  {
    id: 'undo',
    label: 'Undo',
    labelFor: (s) => {
      const last = s.undoStack[s.undoStack.length - 1];
      return last ? `Undo ${last.label}` : 'Undo';
    },
    shortcut: { key: 'z', ctrl: true, label: 'Ctrl+Z' },
    // The editor has its own history for its draft, on the same keys.
    isEnabled: (s) => s.workspace !== 'editor' && editable(s) && s.undoStack.length > s.undoFloor,
    run: (store) => store.getState().undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    labelFor: (s) => {
      const next = s.redoStack[s.redoStack.length - 1];
      return next ? `Redo ${next.label}` : 'Redo';
    },
    shortcut: { key: 'z', ctrl: true, shift: true, label: 'Ctrl+Shift+Z' },
    alternateShortcuts: [{ key: 'y', ctrl: true, label: 'Ctrl+Y' }],
    isEnabled: (s) => s.workspace !== 'editor' && editable(s) && s.redoStack.length > 0,
    run: (store) => store.getState().redo(),
  },
  {
    id: 'speed-up',
    label: 'Faster',
    shortcut: { key: ']', label: ']' },
    isEnabled: (s) => s.speed < MAX_SPEED,
    run: (store) => store.getState().speedUp(),
  },
  {
    id: 'speed-down',
    label: 'Slower',
    shortcut: { key: '[', label: '[' },
    isEnabled: (s) => s.speed > MIN_SPEED,
    run: (store) => store.getState().speedDown(),
  },
  {
    id: 'toggle-granularity',
    // A toggle button: the label stays, aria-pressed tells the state.
    label: 'Step by interrupt',
    shortcut: { key: 'g', label: 'G' },
    isEnabled: () => true,
    run: (store) => store.getState().toggleGranularity(),
  },
  {
    id: 'keyboard-help',
    label: 'Keyboard shortcuts',
    // "?" is Shift+/ on most layouts, a key of its own on others.
    shortcut: { key: '?', shift: true, label: '?' },
    alternateShortcuts: [{ key: '?', label: '?' }],
    isEnabled: () => true,
    run: (store) => store.getState().setKeyboardHelp(!store.getState().keyboardHelp),
  },
  {
    id: 'toggle-presentation',
    // A toggle button: the label stays, aria-pressed tells the state.
    label: 'Present',
    shortcut: { key: 'p', label: 'P' },
    isEnabled: () => true,
    run: (store) => store.getState().togglePresentation(),
  },
  {
    id: 'leave-presentation',
    // Escape leaves it, as it leaves a full-screen view; it does nothing otherwise (and a
    // dialog or menu open takes its Escape first).
    label: 'Leave presentation',
    shortcut: { key: 'Escape', label: 'Esc' },
    isEnabled: (s) => s.presentation,
    run: (store) => {
      if (store.getState().presentation) store.getState().togglePresentation();
    },
  },
];

const BY_ID = new Map(COMMANDS.map((c) => [c.id, c]));

export function getCommand(id: CommandId): Command {
  const command = BY_ID.get(id);
  if (!command) throw new Error(`unknown command ${id}`);
  return command;
}

/** The label to show for a command in the current state. */
export function commandLabel(command: Command, state: AppState): string {
  return command.labelFor ? command.labelFor(state) : command.label;
}
