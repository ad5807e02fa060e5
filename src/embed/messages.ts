/**
 * The embed message API, version 1: what a course page may send to an
 * embedded INTx Lab (commands) and what the frame posts back (events). One
 * zod schema per command, so the published JSON Schema and the validation are
 * the same thing. Files inside `load` (scenario, trace, lesson) are only
 * required to be objects here: they are read by the same staged readers as an
 * opened file, which name the JSON path of each problem inside them.
 */
import type { FormatError } from '../trace-io';
import { describeValue } from '../trace-io/describe-value';
import { issuesToErrors, errorMap } from '../trace-io/zod-errors';
import { z } from '../trace-io/zod';

/** Every message of this API carries this `protocol`; anything else is not ours and is ignored. */
export const EMBED_PROTOCOL = 'intx-lab/embed';
export const EMBED_VERSION = 1;

/** A file's JSON object; its fields are checked by the file readers (with their own paths). */
const fileObject = z.looseObject({});

const header = {
  protocol: z.literal(EMBED_PROTOCOL),
  version: z.literal(EMBED_VERSION),
  /** Echoed in the reply, so a host can match replies to its commands. */
  id: z.union([z.string().max(200), z.number()]).optional(),
};

/** What `load` opens: a file object (as it would be saved to disk) or a built-in preset by name. */
export const loadSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scenario'), scenario: fileObject }),
  z.object({ kind: z.literal('trace'), trace: fileObject }),
  z.object({ kind: z.literal('lesson'), lesson: fileObject }),
  z.object({ kind: z.literal('preset'), name: z.string().min(1).max(200) }),
]);

export const commandSchema = z.discriminatedUnion('type', [
  z.object({ ...header, type: z.literal('load'), source: loadSourceSchema }),
  z.object({ ...header, type: z.literal('seek'), cursor: z.int().min(0) }),
  z.object({
    ...header,
    type: z.literal('step'),
    /** How many steps: positive forward, negative back (default 1). */
    by: z.int().min(-1_000_000).max(1_000_000).optional(),
    /** One event, or one interrupt (controller delivery) at a time (default event). */
    unit: z.enum(['event', 'interrupt']).optional(),
  }),
  z.object({ ...header, type: z.literal('play') }),
  z.object({ ...header, type: z.literal('pause') }),
  z.object({ ...header, type: z.literal('get-state') }),
  z.object({ ...header, type: z.literal('reset') }),
]);

export type EmbedCommand = z.output<typeof commandSchema>;
export type LoadSource = z.output<typeof loadSourceSchema>;
export type CommandType = EmbedCommand['type'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a message is addressed to this API at all (others are left to other listeners). */
export function isEmbedMessage(data: unknown): data is Record<string, unknown> {
  return isRecord(data) && data['protocol'] === EMBED_PROTOCOL;
}

export type ParsedCommand =
  | { ok: true; command: EmbedCommand }
  | {
      ok: false;
      /** The message's id when it had a usable one, for the error reply. */
      id: string | number | null;
      command: CommandType | null;
      errors: FormatError[];
    };

const COMMAND_TYPES: readonly string[] = commandSchema.options.map((o) => o.shape.type.value);
const SOURCE_KINDS: readonly string[] = loadSourceSchema.options.map((o) => o.shape.kind.value);

const oneOf = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** zod says only "no match" for a bad discriminator; name the allowed values instead. */
function discriminatorError(data: Record<string, unknown>): FormatError | null {
  const type = data['type'];
  if (typeof type !== 'string' || !COMMAND_TYPES.includes(type)) {
    const got = type === undefined ? 'it is missing' : `got ${describeValue(type)}`;
    return { path: '$.type', message: `expected one of ${oneOf(COMMAND_TYPES)} (${got})` };
  }
  const source = data['source'];
  if (type !== 'load' || !isRecord(source)) return null;
  const kind = source['kind'];
  if (typeof kind === 'string' && SOURCE_KINDS.includes(kind)) return null;
  const got = kind === undefined ? 'it is missing' : `got ${describeValue(kind)}`;
  return { path: '$.source.kind', message: `expected one of ${oneOf(SOURCE_KINDS)} (${got})` };
}

function idOf(data: Record<string, unknown>): string | number | null {
  const id = data['id'];
  if (typeof id === 'string' && id.length <= 200) return id;
  if (typeof id === 'number' && Number.isFinite(id)) return id;
  return null;
}

/**
 * Validates one message of this API. Never throws: any value gives either a
 * typed command or errors that each name a JSON path (`$.cursor`, `$.source.kind`).
 */
export function parseCommand(data: unknown): ParsedCommand {
  if (!isRecord(data)) {
    return {
      ok: false,
      id: null,
      command: null,
      errors: [{ path: '$', message: 'not an object' }],
    };
  }
  const id = idOf(data);
  const type = typeof data['type'] === 'string' ? data['type'] : null;
  const command = type !== null && COMMAND_TYPES.includes(type) ? (type as CommandType) : null;
  const version = data['version'];
  if (
    typeof version === 'number' &&
    version > EMBED_VERSION &&
    data['protocol'] === EMBED_PROTOCOL
  ) {
    const message = `version ${version} is newer than this INTx Lab understands (it speaks version ${EMBED_VERSION})`;
    return { ok: false, id, command, errors: [{ path: '$.version', message }] };
  }
  const discriminator = discriminatorError(data);
  if (discriminator) return { ok: false, id, command, errors: [discriminator] };
  try {
    const result = commandSchema.safeParse(data, { error: errorMap });
    if (result.success) return { ok: true, command: result.data };
    return { ok: false, id, command, errors: issuesToErrors(result.error.issues) };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      id,
      command,
      errors: [{ path: '$', message: `could not be read: ${why}` }],
    };
  }
}
