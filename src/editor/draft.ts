/**
 * The draft a person edits: the engine's normalized `Scenario` shape, every
 * field present. Keeping the same shape means the draft needs no translation
 * layer of its own, and `toScenario` can hand it straight to the file parser.
 */
import {
  DEFAULT_COSTS,
  DEFAULT_MAX_EVENTS,
  DEFAULT_NOBODY_CARED,
  type Scenario,
} from '../engine/scenario';

export type Draft = Scenario;

/** The starting point of "New empty": one level line and nothing on it. */
export function emptyDraft(): Draft {
  return {
    format: 'intx-lab/scenario',
    version: 1,
    name: 'New scenario',
    description: '',
    seed: 1,
    policy: 'selective',
    hostMask: 'device',
    forwardDeviceId: false,
    chainWalk: 'until-claimed',
    entityKind: 'vm',
    costs: { ...DEFAULT_COSTS },
    lines: [{ id: 'INTA', trigger: 'level' }],
    devices: [],
    entities: [],
    stimuli: [],
    traffic: [],
    nobodyCared: { ...DEFAULT_NOBODY_CARED },
    untilNs: null,
    maxEvents: DEFAULT_MAX_EVENTS,
  };
}

/** A copy of a normalized scenario to edit; the original is never touched. */
export function draftFromScenario(scenario: Scenario): Draft {
  return structuredClone(scenario);
}

/** `base`, or `base-2`, `base-3`... whichever is not taken yet. */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Every ISR id of the draft: they are unique across entities, not just within one. */
export function isrIds(draft: Draft): string[] {
  return draft.entities.flatMap((e) => e.isrs.map((isr) => isr.id));
}
