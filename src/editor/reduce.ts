/**
 * The one reducer: `applyEdit(draft, op)` returns a new draft and never
 * mutates its input, so history can keep every version. An edit that would
 * break a reference (renaming onto a taken id, an index out of range) returns
 * the same draft object, which history treats as "nothing happened".
 * Each kind of edit has its handler in `edits/`, one file per kind of record.
 */
import type { Draft } from './draft';
import { DEVICE_EDITS } from './edits/devices';
import { ENTITY_EDITS } from './edits/entities';
import type { EditHandler, EditHandlers } from './edits/handlers';
import { ISR_EDITS } from './edits/isrs';
import { LINE_EDITS } from './edits/lines';
import { SCHEDULE_EDITS } from './edits/schedule';
import type { EditOp } from './ops';

// Typed as the full table, so an edit kind added to `EditOp` without a handler does not compile.
const HANDLERS: EditHandlers = {
  replace: (_draft, op) => op.draft,
  setSettings: (draft, op) => ({ ...draft, ...op.patch }),
  ...LINE_EDITS,
  ...DEVICE_EDITS,
  ...ENTITY_EDITS,
  ...ISR_EDITS,
  ...SCHEDULE_EDITS,
};

export function applyEdit(draft: Draft, op: EditOp): Draft {
  // The table pairs each kind with its handler; TypeScript cannot follow `op.type` into it.
  const handler = HANDLERS[op.type] as EditHandler<EditOp['type']>;
  return handler(draft, op);
}
