import type { AppState, SliceCreator } from './types';

/**
 * Fields kept on the state for readers but computed from their one source:
 * the cursor is the frame's (a seek sets both or neither), the scenario is the
 * run's (`commitRun` makes them one object). No slice writes them.
 */
export function derivedOf(
  s: Pick<AppState, 'frame' | 'run'>,
): Pick<AppState, 'cursor' | 'scenario'> {
  return { cursor: s.frame?.cursor ?? 0, scenario: s.run?.scenario ?? null };
}

/**
 * The store's slices under a `set` that recomputes the derived fields with
 * every update, in the same update: a reader can never see a cursor that is
 * not its frame's, or a scenario that is not its run's.
 */
export function deriving(creator: SliceCreator<AppState>): SliceCreator<AppState> {
  return (set, get, api) => {
    const derivedSet = ((partial: unknown, replace?: boolean, action?: unknown) =>
      set(
        (state: AppState) => {
          const next = (typeof partial === 'function' ? partial(state) : partial) as
            Partial<AppState> | AppState;
          // Read the two sources from the update, else from the state: no copy of the
          // whole state on every step.
          const derived = derivedOf({
            frame: replace || 'frame' in next ? (next.frame ?? null) : state.frame,
            run: replace || 'run' in next ? (next.run ?? null) : state.run,
          });
          const cursor = replace || 'cursor' in next ? next.cursor : state.cursor;
          const scenario = replace || 'scenario' in next ? next.scenario : state.scenario;
          const same = cursor === derived.cursor && scenario === derived.scenario;
          return same ? next : { ...next, ...derived };
        },
        replace as false,
        action as Parameters<typeof set>[2],
      )) as typeof set;
    return creator(derivedSet, get, api);
  };
}
