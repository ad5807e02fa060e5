import type { Scenario, Stimulus } from '../engine/scenario';
import { findPreset, readPreset } from '../presets';
import { describeHandAction, handStimulus, isAtEnd } from './hand-edit';
import { atHandEdit, atStart, atTime, sameHandActionsBefore } from './placements';
import { atCursor } from './restore-work';
import type { CursorPlacement, ScenarioSlice, SliceCreator } from './types';
import { pushBounded, snapshotOf, type WorkSnapshot } from './work-history';

/** Readable text for a scenario that does not validate (first few errors, with paths). */
function invalidScenarioMessage(name: string, errors: { path: string; message: string }[]): string {
  const shown = errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return `Scenario "${name}" is not valid: ${shown.join('; ')}${more}`;
}

/**
 * The scenario slice: which scenario is shown and every edit to it. Edits
 * (policy, hand stimuli, reset, opening another scenario) produce a new
 * scenario that is re-run; each one records what it replaced, so Undo and Redo
 * bring it back. Hand stimuli are recorded in the scenario so an exported trace
 * replays exactly.
 */
export const createScenarioSlice: SliceCreator<ScenarioSlice> = (set, get) => {
  /**
   * Runs an edit; when it succeeds, what was on screen before becomes one
   * undo step (and the redo steps, another branch, are dropped).
   */
  async function recorded(label: string, edit: () => Promise<boolean>): Promise<boolean> {
    const before = snapshotOf(get(), label);
    const ok = await edit();
    if (ok && before) {
      set({ undoStack: pushBounded(get().undoStack, before), redoStack: [] }, false, {
        type: 'history/record',
        label,
      });
    }
    return ok;
  }

  async function applyEdit(stimulus: Stimulus, atEnd: boolean): Promise<void> {
    const { scenario } = get();
    if (!scenario) return;
    const before = sameHandActionsBefore(scenario.stimuli, stimulus);
    const next: Scenario = { ...scenario, stimuli: [...scenario.stimuli, stimulus] };
    const ok = await recorded(describeHandAction(stimulus), () =>
      get().runScenario(next, atHandEdit(stimulus, before)),
    );
    const { run, cursor } = get();
    if (ok && atEnd && run) set({ editFrontier: { run, cursor } }, false, 'scenario/frontier');
  }

  /** Shows a snapshot again (undo or redo), at the step it was taken at. */
  async function restore(snap: WorkSnapshot): Promise<boolean> {
    set({ pendingEdit: null }, false, 'history/restore');
    const place: CursorPlacement = atCursor(snap.cursor);
    if (!(await get().runScenario(snap.scenario, place))) return false;
    set({ original: snap.original, presetName: snap.presetName }, false, {
      type: 'history/restored',
      label: snap.label,
    });
    return true;
  }

  return {
    scenario: null,
    original: null,
    presetName: null,
    pendingEdit: null,
    editFrontier: null,
    undoStack: [],
    redoStack: [],
    undoFloor: 0,

    async loadPreset(name) {
      const preset = findPreset(name);
      if (!preset) {
        get().setError(`There is no preset named "${name}".`);
        return;
      }
      const parsed = await readPreset(preset);
      if (!parsed.ok) {
        get().setError(invalidScenarioMessage(name, parsed.errors));
        return;
      }
      await get().loadScenario(parsed.value, name);
    },

    async loadScenario(scenario, presetName) {
      set({ pendingEdit: null }, false, 'scenario/load');
      const label = presetName ? `open ${presetName}` : 'open a scenario';
      await recorded(label, async () => {
        if (!(await get().runScenario(scenario, atStart))) return false;
        set({ original: scenario, presetName, expandedDevices: [] }, false, {
          type: 'scenario/loaded',
          presetName,
        });
        return true;
      });
    },

    async setPolicy(policy) {
      const { scenario, frame } = get();
      if (!scenario || scenario.policy === policy) return;
      const at = atTime(frame?.view.t ?? 0, frame?.cursor ?? 0);
      // The override is derived (selectPolicyOverride): the run's scenario against the original.
      await recorded(`policy ${policy}`, () => get().runScenario({ ...scenario, policy }, at));
    },

    async reset() {
      const { original, scenario } = get();
      if (!original) return;
      set({ pendingEdit: null }, false, 'scenario/reset');
      const hand = scenario?.stimuli.filter((st) => st.source === 'hand').length ?? 0;
      const policy = scenario !== null && scenario.policy !== original.policy;
      const lost = [
        hand > 0 ? `${hand} hand action${hand === 1 ? '' : 's'}` : null,
        policy ? `the ${scenario.policy} policy` : null,
      ].filter(Boolean);
      const ok = await recorded('reset', () => get().runScenario(original, atStart));
      // A reset throws work away: say how to get it back, so it is never silent.
      if (ok && lost.length > 0) {
        get().setNotice(`Reset to the start. Undo (Ctrl+Z) brings back ${lost.join(' and ')}.`);
      }
    },

    async deviceAction(deviceId, action) {
      const { frame, run, editFrontier, scenario } = get();
      if (!frame || !run) return;
      const stimulus = handStimulus(frame, deviceId, action, scenario?.untilNs ?? null);
      if (!stimulus) return;
      if (!isAtEnd(frame, run, editFrontier)) {
        // Changing the past rewrites the future: ask first, in the page.
        set(
          { pendingEdit: { stimulus, cursor: frame.cursor, t: frame.view.t }, playing: false },
          false,
          {
            type: 'scenario/askEdit',
            deviceId,
            action,
          },
        );
        return;
      }
      await applyEdit(stimulus, true);
    },

    async confirmEdit() {
      const pending = get().pendingEdit;
      if (!pending) return;
      set({ pendingEdit: null }, false, 'scenario/confirmEdit');
      await applyEdit(pending.stimulus, false);
    },

    cancelEdit() {
      set({ pendingEdit: null }, false, 'scenario/cancelEdit');
    },

    async undo() {
      const { undoStack, redoStack, undoFloor } = get();
      if (undoStack.length <= undoFloor) return;
      const snap = undoStack[undoStack.length - 1];
      if (!snap) return;
      const now = snapshotOf(get(), snap.label);
      if (!(await restore(snap))) return;
      set(
        {
          undoStack: undoStack.slice(0, -1),
          redoStack: now ? pushBounded(redoStack, now) : redoStack,
        },
        false,
        'history/undo',
      );
      get().setNotice(`Undid ${snap.label}.`);
    },

    async redo() {
      const { undoStack, redoStack } = get();
      const snap = redoStack[redoStack.length - 1];
      if (!snap) return;
      const now = snapshotOf(get(), snap.label);
      if (!(await restore(snap))) return;
      set(
        {
          redoStack: redoStack.slice(0, -1),
          undoStack: now ? pushBounded(undoStack, now) : undoStack,
        },
        false,
        'history/redo',
      );
      get().setNotice(`Redid ${snap.label}.`);
    },
  };
};
