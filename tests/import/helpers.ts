/** Files for the import tests: real exports of presets, as the page would download them. */
import type { ImportProgress } from '../../src/protocol/api';
import { findPreset } from '../../src/presets';
import { normalizeScenario, serializeScenario } from '../../src/trace-io';
import type { Scenario } from '../../src/engine/scenario';
import { SimSession } from '../../src/worker/session';

export function presetScenario(name: string): Scenario {
  const preset = findPreset(name);
  if (!preset) throw new Error(`no preset ${name}`);
  const parsed = normalizeScenario(preset.file);
  if (!parsed.ok) throw new Error(`preset ${name} is not valid`);
  return parsed.value;
}

export function bytesOf(text: string): ArrayBuffer {
  const encoded = new TextEncoder().encode(text);
  return encoded.buffer.slice(encoded.byteOffset, encoded.byteOffset + encoded.byteLength);
}

/** The trace file the page exports for a preset. */
export async function exportedTraceText(name: string): Promise<string> {
  const session = new SimSession();
  await session.load(presetScenario(name));
  return (await session.exportFile('trace')).text;
}

export function scenarioText(name: string): string {
  return serializeScenario(presetScenario(name));
}

/** A progress listener that remembers every report. */
export function recorder(): { reports: ImportProgress[]; listen: (p: ImportProgress) => void } {
  const reports: ImportProgress[] = [];
  return { reports, listen: (p) => reports.push(p) };
}
