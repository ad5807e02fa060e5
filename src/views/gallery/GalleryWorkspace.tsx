import { useMemo } from 'react';
import type { Scenario } from '../../engine/scenario';
import { draftFromScenario } from '../../editor';
import { PRESETS, type Preset } from '../../presets';
import { selectPresetName, useAppStore, useAppStoreApi } from '../../store';
import { normalizeScenario } from '../../trace-io';
import { editorStoreFor } from '../editor';
import { PresetCard } from './PresetCard';
import './gallery.css';

interface Entry {
  preset: Preset;
  scenario: Scenario;
}

/** Presets as their scenarios; one that fails to validate is left out (tests pin them all). */
function loadEntries(): Entry[] {
  return PRESETS.flatMap((preset) => {
    const parsed = normalizeScenario(preset.file);
    return parsed.ok ? [{ preset, scenario: parsed.value }] : [];
  });
}

/** The "Presets" workspace: every built-in scenario with what it teaches. */
export function GalleryWorkspace() {
  const app = useAppStoreApi();
  const presetName = useAppStore(selectPresetName);
  const entries = useMemo(() => loadEntries(), []);
  return (
    <div className="gal-root">
      <p className="gal-intro">
        Each preset is a small machine that teaches one thing. <strong>Open</strong> runs it in the
        visualizer; <strong>Edit a copy</strong> takes it to the editor to change it.
      </p>
      <ul className="gal-grid" aria-label="Presets">
        {entries.map(({ preset, scenario }) => (
          <PresetCard
            key={preset.name}
            preset={preset}
            scenario={scenario}
            current={preset.name === presetName}
            onOpen={() => {
              app.getState().setWorkspace('visualize');
              void app.getState().loadPreset(preset.name);
            }}
            onEdit={() => {
              editorStoreFor(app).getState().replace(draftFromScenario(scenario));
              app.getState().setWorkspace('editor');
            }}
          />
        ))}
      </ul>
    </div>
  );
}
