import { useLatestAnswer } from '../../client';
import type { RunInfo } from '../../protocol/api';
import { selectCursorLimit, selectRun, useAppStore, useAppStoreApi } from '../../store';

/**
 * Where a lesson's open question stops the player, as a time: the time of the
 * last event it can show (`cursorLimit` events in), or 0 when it can show none.
 * Null with no open question, or when the stop is the run's end. The timeline
 * hides what comes after it: its lanes would give the answer away.
 */
export function useLimitTime(): number | null {
  const store = useAppStoreApi();
  const limit = useAppStore(selectCursorLimit);
  const run = useAppStore(selectRun);
  const open = run !== null && limit !== null && limit < run.eventCount;
  const key: readonly [RunInfo, number] | null = open ? [run, limit] : null;
  const { answer } = useLatestAnswer(
    key,
    async ([, at]) => {
      if (at <= 0) return 0;
      const [last] = await store.getState().fetchEvents(at - 1, at);
      return last?.t ?? 0;
    },
    { onError: (message) => store.getState().setError(`Timeline: ${message}`) },
  );
  if (!open || answer === null || answer.key[0] !== run || answer.key[1] !== limit) return null;
  return answer.value;
}
