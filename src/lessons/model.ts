/**
 * The lesson file's shape once read (public/docs/formats.md, "Lesson"): a
 * sequence of steps, each a scenario to watch and checkpoints to pass. Every
 * expected answer is a declared path into a run of the engine, never a number
 * written in the lesson, so a lesson stays right when the engine or a seeded
 * variant changes the figures.
 */
import type {
  ChainWalk,
  EntityKind,
  HostMask,
  Policy,
  Stimulus,
  Trigger,
} from '../engine/scenario';
import type { EventType } from '../engine/events';

export const LESSON_FORMAT = 'intx-lab/lesson';
export const ANSWERS_FORMAT = 'intx-lab/answers';
export const SCORE_FORMAT = 'intx-lab/score';

/** A number written in the lesson, or a variant parameter drawn from the seed. */
export type NumberOrParam = number | { param: string };

/** A parameter range of a seeded variant: a whole number from min to max. */
export interface ParamRange {
  min: number;
  max: number;
}

/** Selects trace events by type and equal fields; `nth` (from 1) picks one of them. */
export interface EventMatch {
  type: EventType;
  where: Record<string, string | number | boolean | null>;
  nth: number;
}

/** Changes a step (or a student) makes to a scenario. */
export interface ScenarioPatch {
  policy?: Policy;
  hostMask?: HostMask;
  chainWalk?: ChainWalk;
  forwardDeviceId?: boolean;
  entityKind?: EntityKind;
  costs?: Record<string, NumberOrParam>;
  /** Per device id: fields to change. */
  devices?: Record<string, DevicePatch>;
  /** Per ISR id: whether it flushes posted writes. */
  isrs?: Record<string, { flushPostedWrites: boolean }>;
  /** Per line id: its trigger mode. */
  lines?: Record<string, { trigger: Trigger }>;
  /** Appended to the scenario's stimuli. */
  stimuli?: Stimulus[];
}

export interface DevicePatch {
  pci23?: boolean;
  statusReliable?: boolean;
  deassertDelayNs?: NumberOrParam;
  enabled?: boolean;
}

/** One machine, one shared level line, one device per VM (or thread), N ISRs per chain. */
export interface SharedLineSpec {
  generate: 'shared-line';
  vms: NumberOrParam;
  /** ISRs in each chain, the owner's own ISR last (the worst place, as in Figure 3). */
  isrsPerChain: NumberOrParam;
  /** Raises, one every `gapNs`, from 1 ms on. */
  raises: NumberOrParam;
  /** Which device raises: each in turn, or always device number N (from 1). */
  raiser: 'round-robin' | NumberOrParam;
  gapNs: NumberOrParam;
  policy: Policy;
}

export type ScenarioSource =
  | { preset: string; patch: ScenarioPatch }
  | { inline: unknown; patch: ScenarioPatch }
  | (SharedLineSpec & { patch: ScenarioPatch });

export type Operator = 'add' | 'sub' | 'mul' | 'div';

/**
 * Where a figure comes from. Leaves read the run (summary, events, the
 * screen's state after an event, the scenario);
 * `const` exists for misconceptions ("counted only the owner" is 1) and
 * arithmetic, but an expected answer must read the run somewhere.
 */
export type ValuePath =
  | { summary: string; at?: EventMatch }
  | { count: EventMatch; from?: EventMatch; to?: EventMatch }
  | { field: string; of: EventMatch }
  | { view: string; after?: EventMatch; before?: EventMatch }
  | { scenario: string }
  | { param: string }
  | { const: number | string | boolean }
  | { op: Operator; args: [ValuePath, ValuePath] }
  | { under: ScenarioPatch; value: ValuePath };

/** How a condition relates its two values. */
export type Relation = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

/** A condition on a run, for act checkpoints; `all` needs each. */
export type Condition = { value: ValuePath; is: Relation; than: ValuePath } | { all: Condition[] };

export interface Hint {
  text: string;
  /** Unlocked after this many wrong attempts... */
  afterAttempts: number;
  /** ...or after this many seconds on the checkpoint, whichever comes first (null: never by time). */
  afterSeconds: number | null;
}

/** A wrong answer the lesson recognises, with what to say about it. */
export interface Misconception {
  id: string;
  value: ValuePath;
  feedback: string;
}

export interface Choice {
  label: string;
  value: number;
}

interface CheckpointBase {
  id: string;
  hints: Hint[];
  /** Said to the student once it is solved or revealed: why the answer is what it is. */
  explanation: string;
}

export interface PredictCheckpoint extends CheckpointBase {
  kind: 'predict';
  question: string;
  /** The player stops here: `before` an event (it has not happened) or `after` it. */
  stop: { before: EventMatch } | { after: EventMatch };
  answer: ValuePath;
  /** Offered choices (the right one is still found by `answer`); none: type a number. */
  choices: Choice[] | null;
  /** Answers within this distance of the expected figure are right. */
  tolerance: number;
  unit: string;
  misconceptions: Misconception[];
}

export interface ActCheckpoint extends CheckpointBase {
  kind: 'act';
  task: string;
  condition: Condition;
  /** What a reference student does (the grader's `--solution`). */
  solution: ScenarioPatch;
  /** Said while the condition does not hold yet. */
  notYet: string;
}

export interface ReachCheckpoint extends CheckpointBase {
  kind: 'reach';
  goal: string;
  event: EventMatch;
}

export type Checkpoint = PredictCheckpoint | ActCheckpoint | ReachCheckpoint;

/** Panels a step opens (the visualizer's panel ids). */
export type LessonPanel = 'narration' | 'flow' | 'metrics' | 'eventLog' | 'timeline';

export interface LessonStep {
  id: string;
  title: string;
  /** A few plain sentences: what to watch. Paragraphs are separated by a blank line. */
  text: string;
  /** What it teaches from: "para 13", "Linux vfio_intx_handler". */
  cites: string[];
  panels: LessonPanel[] | null;
  params: Record<string, ParamRange>;
  scenario: ScenarioSource;
  checkpoints: Checkpoint[];
}

export interface Lesson {
  format: typeof LESSON_FORMAT;
  version: 1;
  /** The name for `--lesson NAME` and links. */
  id: string;
  title: string;
  summary: string;
  /** Position in the Learn list (lower first). */
  order: number;
  steps: LessonStep[];
}

/** What a student answers, per step id and checkpoint id. */
export type Answer = number | { patch: ScenarioPatch } | { scenario: unknown };

export interface Answers {
  format: typeof ANSWERS_FORMAT;
  version: 1;
  lesson: string;
  seed: number | null;
  answers: Record<string, Record<string, Answer>>;
}
