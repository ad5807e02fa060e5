import type { Scenario } from '../engine/scenario';
import { presetScenario } from '../presets';
import type { AppStore } from './create-app-store';
import type { OpenedFile, OpenedOrigin } from './import-slice';
import type { CursorPlacement } from './types';

/** Work to show again: from a share link, from this browser's storage, or after a restart. */
export interface WorkToRestore {
  scenario: Scenario;
  presetName: string | null;
  cursor: number;
  /** Fields its scenario carried that the format ignores, each naming source, path and near name. */
  warnings?: string[];
  /** Where it comes from, for the badge that shows the warnings. */
  from?: OpenedOrigin;
}

/** At a given event index (the simulation clamps it to the run). */
export function atCursor(cursor: number): CursorPlacement {
  return async (run) => Math.max(0, Math.min(run.eventCount, cursor));
}

/**
 * Shows `work` at its cursor in one commit. "Reset to preset" then goes back
 * to the preset it came from (or, without one, to the work as opened), and
 * the policy toggle knows whether the policy differs from the preset's.
 */
export async function restoreWork(store: AppStore, work: WorkToRestore): Promise<boolean> {
  store.setState({ pendingEdit: null }, false, 'work/restore');
  if (!(await store.getState().runScenario(work.scenario, atCursor(work.cursor)))) return false;
  // The preset's own scenario, for "Reset to preset" (null when the name is unknown).
  const preset = work.presetName ? await presetScenario(work.presetName) : null;
  const original = preset ?? work.scenario;
  store.setState(
    {
      original,
      presetName: preset ? work.presetName : null,
      expandedDevices: [],
      opened: openedNotes(work, original),
    },
    false,
    { type: 'work/restored', presetName: work.presetName, cursor: work.cursor },
  );
  return true;
}

/**
 * The ignored fields of restored work are told through the badge an opened
 * file's notes use, shown while this work's original is the page's.
 */
function openedNotes(work: WorkToRestore, original: Scenario): OpenedFile | null {
  if (!work.warnings || work.warnings.length === 0) return null;
  const from = work.from ?? 'saved';
  return {
    file: from === 'link' ? 'share link' : 'saved work',
    kind: 'scenario',
    engine: '',
    migrationNotes: work.warnings,
    scenario: original,
    origin: from,
  };
}
