/**
 * The URL flags of an embedded copy (`?embed=1&panels=narration,timeline&theme=dark`).
 * Pure: reads a query string, returns the options and a note for every flag
 * it could not use, so a typo in a course page is reported, never a crash.
 */
import type { PanelId, Theme } from '../store';

export const PANEL_IDS: readonly PanelId[] = [
  'narration',
  'flow',
  'metrics',
  'eventLog',
  'timeline',
];
const THEMES: readonly Theme[] = ['light', 'dark', 'system'];

export interface EmbedFlags {
  /** `embed=1`: the page is a frame inside a course page. */
  embed: boolean;
  /** `tabs=1`: show the workspace tabs (hidden in embed mode by default). */
  tabs: boolean;
  /** `panels=a,b`: exactly these panels are shown (null: the defaults). */
  panels: Record<PanelId, boolean> | null;
  theme: Theme | null;
  /** `step=N`: the event the page opens at (after the scenario is loaded). */
  step: number | null;
  /** `lesson=NAME` and `lesson-step=ID`: a lesson to open, through the lesson layer. */
  lesson: string | null;
  lessonStep: string | null;
  /** `origin=https://a.example` (repeatable, or comma-separated): the only parents obeyed. */
  origins: string[];
  /** What could not be used, one sentence each. */
  notes: string[];
}

/** Query flags that only mean something to an embedded copy (read below). */
export const EMBED_ONLY_FLAGS = [
  'embed',
  'tabs',
  'panels',
  'theme',
  'step',
  'lesson',
  'lesson-step',
  'origin',
] as const;

const TRUE = new Set(['1', 'true', 'yes', '']);
const FALSE = new Set(['0', 'false', 'no']);

function flag(params: URLSearchParams, name: string, notes: string[]): boolean {
  const value = params.get(name);
  if (value === null) return false;
  if (TRUE.has(value)) return true;
  if (!FALSE.has(value)) notes.push(`The URL flag ${name}=${value} is not 1 or 0; it is ignored.`);
  return false;
}

function readPanels(value: string | null, notes: string[]): Record<PanelId, boolean> | null {
  if (value === null) return null;
  const panels = Object.fromEntries(PANEL_IDS.map((id) => [id, false])) as Record<PanelId, boolean>;
  for (const name of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const id = PANEL_IDS.find((p) => p.toLowerCase() === name.toLowerCase());
    if (id) panels[id] = true;
    else notes.push(`There is no panel "${name}" (panels are ${PANEL_IDS.join(', ')}).`);
  }
  return panels;
}

/** An origin as the browser writes it (`https://host:port`), or null. */
export function normalizeOrigin(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.origin === 'null' || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      return null;
    }
    return url.origin;
  } catch {
    return null;
  }
}

function readOrigins(values: readonly string[], notes: string[]): string[] {
  const origins: string[] = [];
  for (const text of values
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean)) {
    const origin = normalizeOrigin(text);
    if (origin === null) notes.push(`The URL flag origin=${text} is not an http(s) origin.`);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return origins;
}

export function parseEmbedFlags(search: string): EmbedFlags {
  const params = new URLSearchParams(search);
  const notes: string[] = [];
  const theme = params.get('theme');
  if (theme !== null && !THEMES.includes(theme as Theme)) {
    notes.push(`The URL flag theme=${theme} is not one of ${THEMES.join(', ')}.`);
  }
  const stepText = params.get('step');
  const step = stepText === null ? null : Number(stepText);
  const stepOk = step !== null && Number.isSafeInteger(step) && step >= 0;
  if (stepText !== null && !stepOk) {
    notes.push(`The URL flag step=${stepText} is not a whole number of events.`);
  }
  return {
    embed: flag(params, 'embed', notes),
    tabs: flag(params, 'tabs', notes),
    panels: readPanels(params.get('panels'), notes),
    theme: THEMES.includes(theme as Theme) ? (theme as Theme) : null,
    step: stepOk ? step : null,
    lesson: params.get('lesson') || null,
    lessonStep: params.get('lesson-step') || null,
    origins: readOrigins(params.getAll('origin'), notes),
    notes,
  };
}
