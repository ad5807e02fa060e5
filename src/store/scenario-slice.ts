import type { Scenario, Stimulus } from '../engine/scenario';
import { findPreset } from '../presets';
import { normalizeScenario } from '../trace-io';
import { handStimulus, isAtEnd } from './hand-edit';
import { atHandEdit, atStart, atTime } from './placements';
import type { ScenarioSlice, SliceCreator } from './types';

/** Readable text for a scenario that does not validate (first few errors, with paths). */
function invalidScenarioMessage(name: string, errors: { path: string; message: string }[]): string {
  const shown = errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return `Scenario "${name}" is not valid: ${shown.join('; ')}${more}`;
}

/**
 * The scenario slice: which scenario is shown and every edit to it. Edits
 * (policy, hand stimuli) produce a new scenario that is re-run; hand stimuli
 * are recorded in it so an exported trace replays exactly.
 */
export const createScenarioSlice: SliceCreator<ScenarioSlice> = (set, get) => {
  async function applyEdit(stimulus: Stimulus): Promise<void> {
    const { scenario } = get();
    if (!scenario) return;
    const next: Scenario = { ...scenario, stimuli: [...scenario.stimuli, stimulus] };
    await get().runScenario(next, atHandEdit(stimulus));
  }

  return {
    scenario: null,
    original: null,
    presetName: null,
    policyOverride: null,
    pendingEdit: null,

    async loadPreset(name) {
      const preset = findPreset(name);
      if (!preset) {
        get().setError(`There is no preset named "${name}".`);
        return;
      }
      const parsed = normalizeScenario(preset.file);
      if (!parsed.ok) {
        get().setError(invalidScenarioMessage(name, parsed.errors));
        return;
      }
      await get().loadScenario(parsed.value, name);
    },

    async loadScenario(scenario, presetName) {
      set({ pendingEdit: null }, false, 'scenario/load');
      if (await get().runScenario(scenario, atStart)) {
        set({ original: scenario, presetName, policyOverride: null, expandedDevices: [] }, false, {
          type: 'scenario/loaded',
          presetName,
        });
      }
    },

    async setPolicy(policy) {
      const { scenario, frame, original } = get();
      if (!scenario || scenario.policy === policy) return;
      const at = atTime(frame?.view.t ?? 0, frame?.cursor ?? 0);
      if (await get().runScenario({ ...scenario, policy }, at)) {
        set({ policyOverride: policy === original?.policy ? null : policy }, false, {
          type: 'scenario/setPolicy',
          policy,
        });
      }
    },

    async reset() {
      const { original } = get();
      if (!original) return;
      set({ pendingEdit: null }, false, 'scenario/reset');
      if (await get().runScenario(original, atStart)) {
        set({ policyOverride: null }, false, 'scenario/resetDone');
      }
    },

    async deviceAction(deviceId, action) {
      const { frame, run } = get();
      if (!frame || !run) return;
      const stimulus = handStimulus(frame, deviceId, action);
      if (!stimulus) return;
      if (!isAtEnd(frame, run.eventCount)) {
        // Changing the past rewrites the future: ask first, in the page.
        set({ pendingEdit: { stimulus, cursor: frame.cursor }, playing: false }, false, {
          type: 'scenario/askEdit',
          deviceId,
          action,
        });
        return;
      }
      await applyEdit(stimulus);
    },

    async confirmEdit() {
      const pending = get().pendingEdit;
      if (!pending) return;
      set({ pendingEdit: null }, false, 'scenario/confirmEdit');
      await applyEdit(pending.stimulus);
    },

    cancelEdit() {
      set({ pendingEdit: null }, false, 'scenario/cancelEdit');
    },
  };
};
