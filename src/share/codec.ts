import { DEFAULT_MAX_EVENTS, type Scenario } from '../engine/scenario';
import { formatError } from '../trace-io/result';
import { serializeScenario } from '../trace-io/serialize';
import { fromBase64Url, toBase64Url } from './base64url';
import { decodeFileText } from '../import/decode';
import { deflateRaw, inflateRaw, InflateError } from './deflate';

/**
 * The share fragment (documented in public/docs/formats.md, "Share links"):
 *
 *   #intx=1&cursor=57&preset=fig3-broadcast&scenario=<base64url(deflate-raw(scenario JSON))>
 *
 * `intx` is the format version and always comes first; `preset` is optional
 * and only says which preset "Reset to preset" goes back to.
 */
export const SHARE_VERSION = 1;
export const SHARE_VERSION_KEY = 'intx';
/** Longest fragment accepted or produced: links this long still paste into mail and chat. */
export const MAX_FRAGMENT_CHARS = 32_000;
/** Largest scenario text a link may expand to (a guard against a crafted link). */
export const MAX_SCENARIO_BYTES = 1_000_000;
/**
 * Most events a link runs on open: the default run limit. A link is opened by
 * a click, so it must not start a run of minutes using gigabytes (a
 * 596-character link asked for 50 million events); a scenario that asks for
 * more is opened with this limit, and the page says so.
 */
export const LINK_MAX_EVENTS = DEFAULT_MAX_EVENTS;
/** What errors in a shared scenario are attributed to (like a file name). */
export const SHARE_SOURCE = 'share link';

/** What a link carries: enough to reproduce a class demo exactly. */
export interface SharedWork {
  scenario: Scenario;
  /** Events applied: the position in the run (clamped to the run when opened). */
  cursor: number;
  /** The preset the scenario was made from, for "Reset to preset" (null: none). */
  presetName: string | null;
  /**
   * Set when a link is read: each field of its scenario that the format does
   * not know (ignored), naming the link, the JSON path and the near name.
   */
  warnings?: string[];
}

export type EncodeResult = { ok: true; fragment: string } | { ok: false; message: string };
export type DecodeResult =
  /** `note`: what opening changed (a lowered maxEvents), to tell the person. */
  { ok: true; work: SharedWork; note: string | null } | { ok: false; message: string };

/** The fragment (without '#') for `work`, or why it cannot be a link. */
export async function encodeShare(work: SharedWork): Promise<EncodeResult> {
  const text = serializeScenario(work.scenario);
  const packed = toBase64Url(await deflateRaw(new TextEncoder().encode(text)));
  const params = new URLSearchParams();
  params.set(SHARE_VERSION_KEY, String(SHARE_VERSION));
  params.set('cursor', String(Math.max(0, Math.trunc(work.cursor))));
  if (work.presetName) params.set('preset', work.presetName);
  params.set('scenario', packed);
  const fragment = params.toString();
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    return {
      ok: false,
      message:
        `This scenario is too large for a link (${fragment.length.toLocaleString('en')} characters; ` +
        `at most ${MAX_FRAGMENT_CHARS.toLocaleString('en')}). Export the scenario as a file and share that instead.`,
    };
  }
  return { ok: true, fragment };
}

/** True when the fragment is meant for this app (other fragments are left alone). */
export function isShareFragment(fragment: string): boolean {
  return fragment.replace(/^#/, '').startsWith(`${SHARE_VERSION_KEY}=`);
}

const fail = (message: string): DecodeResult => ({ ok: false, message });

/**
 * Reads a fragment (with or without '#'). Returns null for a fragment that is
 * not a share link at all; otherwise the work or one clear message.
 */
export async function decodeShare(input: string): Promise<DecodeResult | null> {
  const fragment = input.replace(/^#/, '');
  if (!isShareFragment(fragment)) return null;
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    return fail(
      `This share link is too long (${fragment.length.toLocaleString('en')} characters; ` +
        `at most ${MAX_FRAGMENT_CHARS.toLocaleString('en')}), so it was not opened.`,
    );
  }
  const params = new URLSearchParams(fragment);
  const version = params.get(SHARE_VERSION_KEY) ?? '';
  if (!/^\d+$/.test(version)) {
    return fail(`This share link is damaged: its format version "${version}" is not a number.`);
  }
  if (Number(version) > SHARE_VERSION) {
    return fail(
      `This share link was made by a newer INTx Lab (link format ${version}); ` +
        `this version reads format ${SHARE_VERSION}.`,
    );
  }
  const cursorText = params.get('cursor') ?? '0';
  if (!/^\d{1,15}$/.test(cursorText)) {
    return fail(`This share link is damaged: its cursor "${cursorText}" is not a whole number.`);
  }
  const packed = params.get('scenario');
  if (!packed) return fail('This share link is damaged: it carries no scenario.');
  const bytes = fromBase64Url(packed);
  if (!bytes) {
    return fail(
      'This share link is damaged: its scenario is not valid base64url (was it cut off or changed when it was copied?).',
    );
  }
  let inflated: Uint8Array;
  try {
    inflated = await inflateRaw(bytes, MAX_SCENARIO_BYTES);
  } catch (error) {
    if (error instanceof InflateError && error.reason === 'too-large') {
      return fail(`This share link's scenario is too large: ${error.message}.`);
    }
    return fail(
      'This share link is damaged: its scenario does not decompress (was it cut off when it was copied?).',
    );
  }
  // The rule of files: invalid UTF-8 is refused, not read with replacement characters.
  const text = decodeFileText(inflated);
  if (!text.ok) {
    return fail(
      'This share link is damaged: its scenario decompresses, but not to UTF-8 text (was it made by INTx Lab?).',
    );
  }
  // The scenario reader (zod) is loaded only when there is a link to read.
  const { parseScenarioText, scenarioTextWarnings } = await import('../trace-io/parse');
  const parsed = parseScenarioText(text.value, SHARE_SOURCE);
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, 3).map((e) => formatError(SHARE_SOURCE, e));
    const more = parsed.errors.length > 3 ? ` (and ${parsed.errors.length - 3} more)` : '';
    return fail(`This share link's scenario is not valid: ${shown.join('; ')}${more}`);
  }
  const preset = params.get('preset');
  let scenario = parsed.value;
  let note: string | null = null;
  if (scenario.maxEvents > LINK_MAX_EVENTS) {
    note =
      `This share link asks for runs of up to ${scenario.maxEvents.toLocaleString('en')} events; ` +
      `a link opens with at most ${LINK_MAX_EVENTS.toLocaleString('en')} (maxEvents lowered). ` +
      'Raise it in the editor, or open the scenario as a file, to run longer.';
    scenario = { ...scenario, maxEvents: LINK_MAX_EVENTS };
  }
  // The rule of files: an ignored field is said by name and path, never dropped in silence.
  const warnings = scenarioTextWarnings(text.value, SHARE_SOURCE).map((w) =>
    formatError(SHARE_SOURCE, w),
  );
  return {
    ok: true,
    work: {
      scenario,
      cursor: Number(cursorText),
      presetName: preset || null,
      ...(warnings.length > 0 ? { warnings } : {}),
    },
    note,
  };
}
