import type { Draft } from '../draft';
import type { EditOp } from '../ops';

/** How one kind of edit changes a draft: a new draft, or the same object for "nothing happened". */
export type EditHandler<K extends EditOp['type']> = (
  draft: Draft,
  op: Extract<EditOp, { type: K }>,
) => Draft;

/** One handler per edit kind; a table typed by this misses no kind. */
export type EditHandlers = { [K in EditOp['type']]: EditHandler<K> };

/** The handlers of the edit kinds `K`, for one concept's file. */
export type HandlersFor<K extends EditOp['type']> = Pick<EditHandlers, K>;
