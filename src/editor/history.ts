/**
 * Undo and redo as three lists of whole drafts. Drafts are immutable and
 * share unchanged parts, so keeping every version is cheap and undo is exact.
 */
import type { Draft } from './draft';
import type { EditOp } from './ops';
import { applyEdit } from './reduce';

export interface History {
  past: Draft[];
  present: Draft;
  future: Draft[];
}

/** Older steps are dropped beyond this, so a long session does not grow without end. */
export const HISTORY_LIMIT = 500;

export function startHistory(draft: Draft): History {
  return { past: [], present: draft, future: [] };
}

/** Applies one edit as one undo step; an edit that changes nothing adds no step. */
export function edit(history: History, op: EditOp): History {
  const next = applyEdit(history.present, op);
  if (next === history.present) return history;
  const past = [...history.past, history.present];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { past, present: next, future: [] };
}

export function undo(history: History): History {
  const previous = history.past[history.past.length - 1];
  if (!previous) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
  };
}

export function redo(history: History): History {
  const [next, ...rest] = history.future;
  if (!next) return history;
  return { past: [...history.past, history.present], present: next, future: rest };
}

export const canUndo = (history: History): boolean => history.past.length > 0;
export const canRedo = (history: History): boolean => history.future.length > 0;
