import { type ChangeEvent } from 'react';
import { PRESETS } from '../../presets';
import { selectLoading, selectPresetName, useAppStore, useAppStoreApi } from '../../store';

/** The built-in scenarios, each with the one line it teaches. */
export function PresetPicker() {
  const store = useAppStoreApi();
  const presetName = useAppStore(selectPresetName);
  const loading = useAppStore(selectLoading);
  const onChange = (e: ChangeEvent<HTMLSelectElement>) =>
    void store.getState().loadPreset(e.target.value);
  return (
    <label className="field preset-picker">
      <span>Scenario</span>
      <select aria-label="Preset" value={presetName ?? ''} disabled={loading} onChange={onChange}>
        {presetName === null ? <option value="">(choose a scenario)</option> : null}
        {PRESETS.map((p) => (
          <option key={p.name} value={p.name} title={p.teaches}>
            {p.name} — {p.teaches}
          </option>
        ))}
      </select>
    </label>
  );
}
