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
          const merged = replace ? (next as AppState) : { ...state, ...next };
          const derived = derivedOf(merged);
          const same = merged.cursor === derived.cursor && merged.scenario === derived.scenario;
          if (replace) return (same ? merged : { ...merged, ...derived }) as AppState;
          return same ? next : { ...next, ...derived };
        },
        replace as false,
        action as Parameters<typeof set>[2],
      )) as typeof set;
    return creator(derivedSet, get, api);
  };
}
