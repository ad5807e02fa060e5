/**
 * The lesson file, version 1 (public/docs/formats.md, "Lesson"), and the
 * answers file the grader reads. Parsing fills defaults, so the output is
 * exactly the lesson model of src/lessons. Rules that need a run of the engine
 * (does an answer path give a number?) are checked by src/lessons when a
 * lesson is prepared; the rules here need only the file.
 */
import { z } from './zod';
import { EVENT_TYPES } from '../engine/events';
import type {
  Answer,
  Answers,
  Checkpoint,
  Condition,
  EventMatch,
  Lesson,
  ScenarioPatch,
  ValuePath,
} from '../lessons/model';
import { ANSWERS_FORMAT, LESSON_FORMAT } from '../lessons/model';
import { countSchema, idSchema, limitedArray, nsSchema } from './fields';
import { LIMITS } from './limits';
import { lessonProblems } from './lesson-checks';
import { ONLY_WHEN_SHAPES_ARE_VALID } from './zod-errors';

/** Sizes a person would write by hand; they keep a crafted file from stalling the page. */
export const LESSON_LIMITS = Object.freeze({
  steps: 64,
  checkpoints: 32,
  hints: 16,
  misconceptions: 16,
  choices: 16,
  params: 16,
  textLength: 5_000,
  /** Nesting of value paths (`op`, `under`): deeper is surely a mistake. */
  pathDepth: 12,
  /** A generated scenario's VMs, ISRs per chain and raises. */
  generatedVms: 256,
  generatedIsrs: LIMITS.isrsPerEntity,
  generatedRaises: 10_000,
  paramValue: 1_000_000_000,
});

const text = (max: number = LESSON_LIMITS.textLength) =>
  z.string().max(max, { error: `at most ${max} characters` });

const PATH_TEXT = /^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/;
const dottedPath = z.string().regex(PATH_TEXT, {
  error: 'expected a dotted path such as "totals.spurious" or "entities.vm1.isrCalls"',
});

const paramRef = z.strictObject({ param: idSchema() });
const numberOrParam = z.union([z.number(), paramRef], {
  error: 'expected a number or {"param": NAME}',
});

export const eventMatchSchema = z
  .object({
    type: z.enum(EVENT_TYPES as [string, ...string[]]),
    where: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .default(() => ({}))
      .describe('Fields the event must have, with these values'),
    nth: countSchema(LIMITS.traceEvents, 'events', 1)
      .default(1)
      .describe('Which matching event, from 1'),
  })
  .meta({ id: 'LessonEventMatch' }) as unknown as z.ZodType<EventMatch>;

const stimulusPatchSchema = z.object({
  at: nsSchema(),
  device: idSchema(),
  action: z.enum(['raise', 'withdraw', 'set-enable', 'set-intx-disable']),
  value: z.literal([0, 1]).optional(),
  source: z.enum(['scenario', 'hand']).optional(),
});

export const scenarioPatchSchema = z
  .strictObject({
    policy: z.enum(['native', 'broadcast', 'selective']).optional(),
    hostMask: z.enum(['line', 'device']).optional(),
    chainWalk: z.enum(['until-claimed', 'all']).optional(),
    forwardDeviceId: z.boolean().optional(),
    entityKind: z.enum(['vm', 'thread']).optional(),
    costs: z.record(z.string(), numberOrParam).optional(),
    devices: z
      .record(
        z.string(),
        z.strictObject({
          pci23: z.boolean().optional(),
          statusReliable: z.boolean().optional(),
          deassertDelayNs: numberOrParam.optional(),
          enabled: z.boolean().optional(),
        }),
      )
      .optional(),
    isrs: z.record(z.string(), z.strictObject({ flushPostedWrites: z.boolean() })).optional(),
    lines: z.record(z.string(), z.strictObject({ trigger: z.enum(['level', 'edge']) })).optional(),
    stimuli: limitedArray(stimulusPatchSchema, 1000, 'stimuli in a patch').optional(),
  })
  .meta({ id: 'LessonScenarioPatch' }) as unknown as z.ZodType<ScenarioPatch>;

const VALUE_FORMS =
  'expected a value path: {"summary"}, {"count"}, {"field", "of"}, {"view"}, {"scenario"}, {"param"}, {"const"}, {"op", "args"} or {"under", "value"}';

export const valuePathSchema: z.ZodType<ValuePath> = z
  .lazy(() =>
    z.union(
      [
        z.strictObject({ summary: dottedPath, at: eventMatchSchema.optional() }),
        z.strictObject({
          count: eventMatchSchema,
          from: eventMatchSchema.optional(),
          to: eventMatchSchema.optional(),
        }),
        z.strictObject({ field: dottedPath, of: eventMatchSchema }),
        z.strictObject({
          view: dottedPath,
          after: eventMatchSchema.optional(),
          before: eventMatchSchema.optional(),
        }),
        z.strictObject({ scenario: dottedPath }),
        z.strictObject({ param: idSchema() }),
        z.strictObject({ const: z.union([z.number(), z.string().max(200), z.boolean()]) }),
        z.strictObject({
          op: z.enum(['add', 'sub', 'mul', 'div']),
          args: z.tuple([valuePathSchema, valuePathSchema]),
        }),
        z.strictObject({ under: scenarioPatchSchema, value: valuePathSchema }),
      ],
      { error: VALUE_FORMS },
    ),
  )
  .meta({ id: 'LessonValuePath' }) as z.ZodType<ValuePath>;

const RELATIONS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const;

export const conditionSchema: z.ZodType<Condition> = z
  .lazy(() =>
    z.union(
      [
        z.strictObject({ value: valuePathSchema, is: z.enum(RELATIONS), than: valuePathSchema }),
        z.strictObject({ all: z.array(conditionSchema).min(1).max(16) }),
      ],
      { error: 'expected a condition: {"value", "is", "than"} or {"all": [...]}' },
    ),
  )
  .meta({ id: 'LessonCondition' }) as z.ZodType<Condition>;

const hintSchema = z.object({
  text: text(),
  afterAttempts: countSchema(1000, 'attempts').default(1),
  afterSeconds: z.number().min(0).max(86_400).nullable().default(null),
});

const checkpointCommon = {
  id: idSchema(),
  hints: limitedArray(hintSchema, LESSON_LIMITS.hints, 'hints').default(() => []),
  explanation: text().default(''),
};

const eventStop = z.union(
  [z.strictObject({ before: eventMatchSchema }), z.strictObject({ after: eventMatchSchema })],
  { error: 'expected {"before": EVENT} or {"after": EVENT}' },
);

const predictSchema = z.object({
  kind: z.literal('predict'),
  ...checkpointCommon,
  question: text(),
  stop: eventStop.describe('Where the player stops until the question is answered'),
  answer: valuePathSchema.describe('Where the expected answer is read from a run of the engine'),
  choices: limitedArray(
    z.object({ label: text(200), value: z.number() }),
    LESSON_LIMITS.choices,
    'choices',
  )
    .min(2)
    .nullable()
    .default(null),
  tolerance: z.number().min(0).default(0),
  unit: text(40).default(''),
  misconceptions: limitedArray(
    z.object({ id: idSchema(), value: valuePathSchema, feedback: text() }),
    LESSON_LIMITS.misconceptions,
    'misconceptions',
  ).default(() => []),
});

const actSchema = z.object({
  kind: z.literal('act'),
  ...checkpointCommon,
  task: text(),
  condition: conditionSchema,
  solution: scenarioPatchSchema,
  notYet: text().default('Not yet: the run does not show it.'),
});

const reachSchema = z.object({
  kind: z.literal('reach'),
  ...checkpointCommon,
  goal: text(),
  event: eventMatchSchema,
});

export const checkpointSchema = z.discriminatedUnion('kind', [
  predictSchema,
  actSchema,
  reachSchema,
]) as unknown as z.ZodType<Checkpoint>;

const sharedLineSchema = z.strictObject({
  generate: z.literal('shared-line'),
  vms: numberOrParam,
  isrsPerChain: numberOrParam,
  raises: numberOrParam,
  raiser: z.union([z.literal('round-robin'), numberOrParam]).default('round-robin'),
  gapNs: numberOrParam.default(1_000_000),
  policy: z.enum(['native', 'broadcast', 'selective']),
  patch: scenarioPatchSchema.default(() => ({})),
});

const scenarioSourceSchema = z.union(
  [
    z.strictObject({ preset: idSchema(), patch: scenarioPatchSchema.default(() => ({})) }),
    z.strictObject({
      inline: z.record(z.string(), z.unknown()),
      patch: scenarioPatchSchema.default(() => ({})),
    }),
    sharedLineSchema,
  ],
  {
    error:
      'expected a scenario source: {"preset": NAME}, {"inline": SCENARIO} or {"generate": "shared-line", ...}',
  },
);

const paramRangeSchema = z.object({
  min: z.int().min(0).max(LESSON_LIMITS.paramValue),
  max: z.int().min(0).max(LESSON_LIMITS.paramValue),
});

const panelIds = z.enum(['narration', 'flow', 'metrics', 'eventLog', 'timeline']);

const stepSchema = z.object({
  id: idSchema(),
  title: text(200),
  text: text(),
  cites: limitedArray(text(200), 16, 'citations').default(() => []),
  panels: z.array(panelIds).max(5).nullable().default(null),
  params: z
    .record(idSchema(), paramRangeSchema)
    .default(() => ({}))
    .describe('Seeded variants: each attempt draws every parameter from its range'),
  scenario: scenarioSourceSchema,
  checkpoints: limitedArray(checkpointSchema, LESSON_LIMITS.checkpoints, 'checkpoints').default(
    () => [],
  ),
});

const lessonObjectSchema = z.object({
  format: z.literal(LESSON_FORMAT),
  version: z.literal(1),
  id: idSchema(),
  title: text(200),
  summary: text().default(''),
  order: z.number().default(1000),
  steps: limitedArray(stepSchema, LESSON_LIMITS.steps, 'steps').min(1),
});

export const lessonSchema = lessonObjectSchema
  .superRefine((lesson, ctx) => {
    for (const problem of lessonProblems(lesson as unknown as Lesson)) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message, input: lesson });
    }
  }, ONLY_WHEN_SHAPES_ARE_VALID)
  .meta({
    title: 'INTx Lab lesson, version 1',
    description:
      'Guided steps with checkpoints whose answers are read from runs of the engine (formats.md "Lesson").',
  }) as unknown as z.ZodType<Lesson>;

const answerSchema = z.union(
  [
    z.number(),
    z.strictObject({ patch: scenarioPatchSchema }),
    z.strictObject({ scenario: z.record(z.string(), z.unknown()) }),
  ],
  { error: 'expected a number, {"patch": {...}} or {"scenario": {...}}' },
) as unknown as z.ZodType<Answer>;

export const answersSchema = z
  .object({
    format: z.literal(ANSWERS_FORMAT),
    version: z.literal(1),
    lesson: idSchema(),
    seed: z.int().min(0).max(LIMITS.seed).nullable().default(null),
    answers: z.record(idSchema(), z.record(idSchema(), answerSchema)),
  })
  .meta({
    title: 'INTx Lab lesson answers, version 1',
    description:
      'A student\'s answers to one lesson, per step and checkpoint (formats.md "Answers").',
  }) as unknown as z.ZodType<Answers>;
