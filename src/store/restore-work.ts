import type { Scenario } from '../engine/scenario';
import { findPreset } from '../presets';
import { normalizeScenario } from '../trace-io';
import type { AppStore } from './create-app-store';
import type { CursorPlacement } from './types';

/** Work to show again: from a share link, from this browser's storage, or after a restart. */
export interface WorkToRestore {
  scenario: Scenario;
  presetName: string | null;
  cursor: number;
}

/** At a given event index (the simulation clamps it to the run). */
export function atCursor(cursor: number): CursorPlacement {
  return async (run) => Math.max(0, Math.min(run.eventCount, cursor));
}

/** The preset's own scenario, for "Reset to preset"; null when the name is unknown. */
function presetScenario(name: string | null): Scenario | null {
  const preset = name ? findPreset(name) : undefined;
  if (!preset) return null;
  const parsed = normalizeScenario(preset.file);
  return parsed.ok ? parsed.value : null;
}

/**
 * Shows `work` at its cursor in one commit. "Reset to preset" then goes back
 * to the preset it came from (or, without one, to the work as opened), and
 * the policy toggle knows whether the policy differs from the preset's.
 */
export async function restoreWork(store: AppStore, work: WorkToRestore): Promise<boolean> {
  store.setState({ pendingEdit: null }, false, 'work/restore');
  if (!(await store.getState().runScenario(work.scenario, atCursor(work.cursor)))) return false;
  const preset = presetScenario(work.presetName);
  const original = preset ?? work.scenario;
  store.setState(
    {
      original,
      presetName: preset ? work.presetName : null,
      expandedDevices: [],
    },
    false,
    { type: 'work/restored', presetName: work.presetName, cursor: work.cursor },
  );
  return true;
}
