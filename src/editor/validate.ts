/**
 * Live validation of a draft: the hard errors of the file format (from
 * `normalizeScenario`, the engine's own gate), what the editor needs before a
 * run makes sense, and the plain-words teaching checks. Messages carry the
 * JSON path of their field so the view can show each one in place.
 */
import type { Scenario } from '../engine/scenario';
import { jsonPath } from '../trace-io/result';
import type { Draft } from './draft';
import type { EditorMessage } from './messages';
import { teachingChecks } from './teaching-checks';
import { toScenario } from './to-scenario';

export interface Validation {
  messages: EditorMessage[];
  /** The errors, in order: non-empty means the draft cannot run. */
  blocking: EditorMessage[];
  /** The scenario to run, when there is nothing blocking. */
  scenario: Scenario | null;
}

function readinessChecks(draft: Draft): EditorMessage[] {
  const out: EditorMessage[] = [];
  if (draft.devices.length === 0) {
    out.push({
      path: jsonPath(['devices']),
      severity: 'error',
      text: 'Add a device: something has to raise an interrupt on the line.',
    });
  }
  if (draft.entities.length === 0) {
    const noun = draft.entityKind === 'thread' ? 'a thread' : 'a VM';
    out.push({
      path: jsonPath(['entities']),
      severity: 'error',
      text: `Add ${noun}: interrupts need somewhere to go.`,
      fix: { label: `Add ${noun}`, op: { type: 'addEntity' } },
    });
  }
  return out;
}

export function validateDraft(draft: Draft): Validation {
  const parsed = toScenario(draft);
  const hard: EditorMessage[] = parsed.ok
    ? []
    : parsed.errors.map((e) => ({ path: e.path, severity: 'error', text: e.message }));
  const blocking = [...readinessChecks(draft), ...hard];
  const messages = [...blocking, ...teachingChecks(draft)];
  return {
    messages,
    blocking,
    scenario: parsed.ok && blocking.length === 0 ? parsed.value : null,
  };
}
