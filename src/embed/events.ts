/**
 * The events an embedded INTx Lab posts to its course page, as zod schemas:
 * the published JSON Schema (embed-event.v1) and the types the bridge builds
 * them with are the same thing, and tests check every event sent against it.
 */
import { z } from '../trace-io/zod';
import { EMBED_PROTOCOL, EMBED_VERSION } from './messages';

/** The commands' types, written out so replies are typed by them (a test checks they match). */
export const COMMAND_TYPES = [
  'load',
  'seek',
  'step',
  'play',
  'pause',
  'get-state',
  'reset',
] as const;
const commandType = z.enum(COMMAND_TYPES);
const id = z.union([z.string(), z.number()]).nullable();
const count = z.int().min(0);

/** What the frame shows, as reported in `ready`, `step-changed` and every reply. */
export const embedStateSchema = z.object({
  /** Events shown so far (0 = before the first event). */
  cursor: count,
  eventCount: count,
  /** Simulated time at the cursor, ns. */
  t: z.number().min(0),
  playing: z.boolean(),
  /** The scenario's name (null while nothing is loaded). */
  scenario: z.string().nullable(),
  preset: z.string().nullable(),
  policy: z.string().nullable(),
});

const body = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), state: embedStateSchema }),
  z.object({ type: z.literal('step-changed'), state: embedStateSchema }),
  z.object({
    type: z.literal('checkpoint'),
    lessonId: z.string(),
    stepId: z.string(),
    checkpointId: z.string(),
    status: z.enum(['solved', 'revealed', 'wrong']),
    score: count,
    maximum: count,
  }),
  z.object({
    type: z.literal('completed'),
    lessonId: z.string(),
    score: count,
    maximum: count,
    /** Shaped like an xAPI `completed` statement, without an actor (see xapi.ts). */
    statement: z.record(z.string(), z.unknown()),
  }),
  z.object({ type: z.literal('height-changed'), height: z.int().min(1) }),
  z.object({ type: z.literal('reply'), id, command: commandType, state: embedStateSchema }),
  z.object({
    type: z.literal('error'),
    id,
    command: commandType.nullable(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).min(1),
  }),
]);

export const eventSchema = z.intersection(
  z.object({ protocol: z.literal(EMBED_PROTOCOL), version: z.literal(EMBED_VERSION) }),
  body,
);

export type EmbedState = z.output<typeof embedStateSchema>;
/** The body of every message the frame posts (see EmbedEvent). */
export type EmbedEventBody = z.output<typeof body>;
/** Every message the frame posts: a body with the protocol header. */
export type EmbedEvent = z.output<typeof eventSchema>;

/** Wraps an event body in the protocol header. */
export function embedEvent(event: EmbedEventBody): EmbedEvent {
  return { protocol: EMBED_PROTOCOL, version: EMBED_VERSION, ...event };
}
