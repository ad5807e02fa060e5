import { type ChangeEvent } from 'react';
import { PRESETS } from '../../presets';
import {
  selectHandEdits,
  selectLoading,
  selectPolicyOverride,
  selectPresetName,
  useAppStore,
  useAppStoreApi,
  type AppState,
} from '../../store';

/**
 * What the select says when the machine on screen is no preset: the lesson step it
 * belongs to, or the scenario's own name (an opened file, a pasted machine, an edit).
 */
const selectOtherMachine = (s: AppState): string => {
  const lesson = s.activeLesson;
  if (lesson !== null && !s.lessonOffStep) return `(lesson: ${lesson.lesson.title})`;
  return s.scenario ? `(${s.scenario.name})` : '(choose a scenario)';
};

/**
 * What the chosen entry says once the work left the preset: the policy chosen
 * since and the hand actions, so the select never names a scenario that is not
 * the one on screen. Null while it is the preset as built in.
 */
export function changedFromPreset(policy: string | null, handEdits: number): string | null {
  const parts = [
    policy ? `${policy} policy` : null,
    handEdits > 0 ? `${handEdits} hand action${handEdits === 1 ? '' : 's'}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? `(${parts.join(', ')})` : null;
}

/**
 * The built-in scenarios by name, short enough to read whole in the toolbar;
 * what each teaches is in its tooltip and in the Presets workspace.
 */
export function PresetPicker() {
  const store = useAppStoreApi();
  const presetName = useAppStore(selectPresetName);
  const other = useAppStore(selectOtherMachine);
  const loading = useAppStore(selectLoading);
  const changed = changedFromPreset(
    useAppStore(selectPolicyOverride),
    useAppStore(selectHandEdits),
  );
  const onChange = (e: ChangeEvent<HTMLSelectElement>) =>
    void store.getState().loadPreset(e.target.value);
  return (
    <label className="field preset-picker">
      <span>Scenario</span>
      <select
        aria-label="Preset"
        title={PRESETS.find((p) => p.name === presetName)?.teaches}
        value={presetName ?? ''}
        disabled={loading}
        onChange={onChange}
      >
        {presetName === null ? <option value="">{other}</option> : null}
        {PRESETS.map((p) => (
          <option key={p.name} value={p.name} title={p.teaches}>
            {p.name === presetName && changed ? `${p.name} ${changed}` : p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
