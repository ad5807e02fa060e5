import type { Scenario } from '../engine/scenario';
import type { ParseResult } from '../trace-io/result';
import { findPreset, type Preset } from './index';

/**
 * A preset's scenario with its defaults filled, read by the scenario schema.
 * The schema (zod) is imported on first use, so the page's first script does
 * not carry it; later reads find it loaded.
 */
export async function readPreset(preset: Preset): Promise<ParseResult<Scenario>> {
  const { normalizeScenario } = await import('../trace-io/scenario-schema');
  return normalizeScenario(preset.file);
}

/** The named preset's scenario; null when there is no such preset or it does not validate. */
export async function presetScenario(name: string): Promise<Scenario | null> {
  const preset = findPreset(name);
  const parsed = preset ? await readPreset(preset) : null;
  return parsed?.ok ? parsed.value : null;
}
