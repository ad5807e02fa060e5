import type { Scenario } from '../engine/scenario';
import { formatError, type FormatError } from '../trace-io/result';
import { prefixPath } from '../trace-io/result';

/**
 * The person's work (scenario, preset it came from, cursor) in localStorage,
 * under a versioned key. A stored value that no longer reads is never dropped:
 * it is moved to a "kept aside" key and reported, so nothing typed by hand is lost.
 */
export const WORK_KEY = 'intx-lab:work:v1';
export const KEPT_ASIDE_PREFIX = 'intx-lab:work:kept-aside:';
export const WORK_FORMAT = 'intx-lab/work';
export const WORK_VERSION = 1;
/** What errors in the stored value are attributed to (like a file name). */
export const WORK_SOURCE = 'saved work';

/** The part of Storage this needs (localStorage, or a memory map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /**
   * Whether `key`'s value really is in the browser's storage. A storage that
   * falls back to memory when the quota is full says false for what only
   * memory holds; without this method every write that did not throw counts.
   */
  isDurable?(key: string): boolean;
}

export interface SavedWork {
  scenario: Scenario;
  presetName: string | null;
  cursor: number;
  /**
   * Set when work is read back (from storage or a share link): the fields of
   * its scenario the format does not know, which were ignored, each naming the
   * source, the JSON path and the near name. Never saved.
   */
  warnings?: string[];
}

export type LoadedWork =
  | { kind: 'none' }
  | { kind: 'ok'; work: SavedWork }
  /** The stored value did not read; it now lives under `keptAs`. */
  /**
   * The stored value did not read; it now lives under `keptAs`, or, when it
   * could not be set aside (`keptAs` null), it stays under WORK_KEY and must
   * not be overwritten.
   */
  | { kind: 'rejected'; message: string; keptAs: string | null };

/**
 * Copies `text` under a new kept-aside key and returns that key, or null when
 * the browser would not keep it (quota full, storage refused).
 */
export function setAside(storage: KeyValueStorage, text: string, now = new Date()): string | null {
  // Never over an earlier copy made in the same millisecond.
  const base = `${KEPT_ASIDE_PREFIX}${now.toISOString()}`;
  let key = base;
  try {
    for (let n = 2; storage.getItem(key) !== null; n++) key = `${base}-${n}`;
    storage.setItem(key, text);
    if (storage.isDurable && !storage.isDurable(key)) {
      storage.removeItem(key);
      return null;
    }
    return key;
  } catch {
    return null;
  }
}

/** Writes the work; returns an error message when the browser refuses (quota, privacy mode). */
export function saveWork(
  storage: KeyValueStorage,
  work: SavedWork,
  now = new Date(),
): string | null {
  const doc = {
    format: WORK_FORMAT,
    version: WORK_VERSION,
    savedAt: now.toISOString(),
    presetName: work.presetName,
    cursor: work.cursor,
    scenario: work.scenario,
  };
  try {
    storage.setItem(WORK_KEY, JSON.stringify(doc));
    return null;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `Your work could not be saved in this browser (${why}); it will not survive a reload.`;
  }
}

type Checked = { ok: true; work: SavedWork } | { ok: false; errors: FormatError[] };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates a stored document; scenario errors carry paths under `$.scenario`.
 * The scenario reader (zod) is loaded here, on first use: a first visit has no saved work.
 */
export async function checkWork(text: string): Promise<Checked> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ path: '$', message: 'not valid JSON' }] };
  }
  if (!isRecord(doc)) return { ok: false, errors: [{ path: '$', message: 'not an object' }] };
  if (doc['format'] !== WORK_FORMAT) {
    return { ok: false, errors: [{ path: '$.format', message: `expected "${WORK_FORMAT}"` }] };
  }
  if (doc['version'] !== WORK_VERSION) {
    const message =
      typeof doc['version'] === 'number' && doc['version'] > WORK_VERSION
        ? `version ${doc['version']} was saved by a newer INTx Lab (this one reads ${WORK_VERSION})`
        : `expected version ${WORK_VERSION}`;
    return { ok: false, errors: [{ path: '$.version', message }] };
  }
  const cursor = doc['cursor'];
  if (typeof cursor !== 'number' || !Number.isSafeInteger(cursor) || cursor < 0) {
    return { ok: false, errors: [{ path: '$.cursor', message: 'expected a whole number >= 0' }] };
  }
  const presetName = doc['presetName'] ?? null;
  if (presetName !== null && typeof presetName !== 'string') {
    return { ok: false, errors: [{ path: '$.presetName', message: 'expected a string or null' }] };
  }
  if (doc['scenario'] === undefined) {
    return { ok: false, errors: [{ path: '$.scenario', message: 'missing' }] };
  }
  const { parseScenarioText, scenarioTextWarnings } = await import('../trace-io/parse');
  const scenarioText = JSON.stringify(doc['scenario']);
  const scenario = parseScenarioText(scenarioText);
  const under = (e: FormatError): FormatError => ({ ...e, path: prefixPath('$.scenario', e.path) });
  if (!scenario.ok) return { ok: false, errors: scenario.errors.map(under) };
  // Work saved by a newer INTx Lab may carry fields this one ignores: say which.
  const warnings = scenarioTextWarnings(scenarioText).map((w) =>
    formatError(WORK_SOURCE, under(w)),
  );
  const work = { scenario: scenario.value, presetName, cursor };
  return { ok: true, work: warnings.length > 0 ? { ...work, warnings } : work };
}

/**
 * Reads the saved work. A value that does not validate is moved aside (under
 * KEPT_ASIDE_PREFIX + time) and reported with its JSON paths.
 */
export async function loadWork(storage: KeyValueStorage, now = new Date()): Promise<LoadedWork> {
  let text: string | null;
  try {
    text = storage.getItem(WORK_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (text === null) return { kind: 'none' };
  const checked = await checkWork(text);
  if (checked.ok) return { kind: 'ok', work: checked.work };
  const shown = checked.errors.slice(0, 3).map((e) => formatError(WORK_SOURCE, e));
  const more = checked.errors.length > 3 ? ` (and ${checked.errors.length - 3} more)` : '';
  const kept = setAside(storage, text, now);
  if (kept !== null) {
    try {
      storage.removeItem(WORK_KEY);
    } catch {
      // The copy exists; the original is overwritten by the next save.
    }
  }
  // Not set aside: it stays where it is, and the page saves nothing over it (see StartChoice.save).
  const where = kept
    ? `it was kept in this browser's localStorage under "${kept}"`
    : `it could not be set aside (the browser's storage is full or refused it), so it stays under "${WORK_KEY}" and nothing is saved over it during this visit`;
  return {
    kind: 'rejected',
    keptAs: kept,
    message: `Your saved work could not be restored (${shown.join('; ')}${more}); ${where}.`,
  };
}
