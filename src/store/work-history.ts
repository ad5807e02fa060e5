import type { Scenario } from '../engine/scenario';
import type { AppState } from './types';

/**
 * What one step of the visualizer's undo/redo brings back: the scenario with
 * its hand actions and policy, what "Reset" returns to, and the step shown.
 */
export interface WorkSnapshot {
  scenario: Scenario;
  original: Scenario | null;
  presetName: string | null;
  cursor: number;
  /** Why this step exists, said when it is undone ("Undid raise nic0"). */
  label: string;
}

/** Older steps are dropped past this many: a lecture's worth of clicks. */
export const HISTORY_LIMIT = 100;

/** The work on screen as a snapshot, or null before anything is loaded. */
export function snapshotOf(s: AppState, label: string): WorkSnapshot | null {
  if (!s.scenario) return null;
  return {
    scenario: s.scenario,
    original: s.original,
    presetName: s.presetName,
    cursor: s.frame?.cursor ?? s.cursor,
    label,
  };
}

/** `stack` with `entry` on top, the oldest entries dropped past the limit. */
export function pushBounded(stack: readonly WorkSnapshot[], entry: WorkSnapshot): WorkSnapshot[] {
  const next = [...stack, entry];
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next;
}
