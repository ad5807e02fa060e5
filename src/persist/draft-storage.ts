import type { Scenario } from '../engine/scenario';
import type { KeyValueStorage } from './work-storage';

/**
 * The editor's draft, saved as it is edited, so a draft not yet run survives a
 * reload. A draft may be invalid (that is what editing is), so it is not put
 * through the scenario schema; it is checked for the shape the editor needs,
 * and one that does not have it is left in place and ignored (never deleted).
 */
export const DRAFT_KEY = 'intx-lab:editor-draft:v1';
export const DRAFT_FORMAT = 'intx-lab/editor-draft';
export const DRAFT_VERSION = 1;

/** Writes the draft; false when the browser refuses (the draft then lives until the tab closes). */
export function saveDraft(storage: KeyValueStorage, draft: Scenario): boolean {
  try {
    storage.setItem(
      DRAFT_KEY,
      JSON.stringify({ format: DRAFT_FORMAT, version: DRAFT_VERSION, draft }),
    );
    return true;
  } catch {
    return false;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every field of `shape` is present in `value` with the same kind of value. */
function sameShape(value: Record<string, unknown>, shape: Readonly<Record<string, unknown>>) {
  return Object.entries(shape).every(([key, want]) => {
    const got = value[key];
    if (Array.isArray(want)) return Array.isArray(got) && got.every(isRecord);
    if (want === null) return true;
    if (isRecord(want)) return isRecord(got);
    return typeof got === typeof want;
  });
}

/** The saved draft, or null when there is none or it lacks the shape of `empty`. */
export function loadDraft(storage: KeyValueStorage, empty: Scenario): Scenario | null {
  let text: string | null;
  try {
    text = storage.getItem(DRAFT_KEY);
  } catch {
    return null;
  }
  if (text === null) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(doc) || doc['format'] !== DRAFT_FORMAT || doc['version'] !== DRAFT_VERSION)
    return null;
  const draft = doc['draft'];
  if (!isRecord(draft) || !sameShape(draft, empty as unknown as Record<string, unknown>))
    return null;
  return draft as unknown as Scenario;
}
