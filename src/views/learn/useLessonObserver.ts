import { useEffect } from 'react';
import { useAppStoreApi } from '../../store';

/**
 * Checks reach and act checkpoints whenever the run on screen changes (a new
 * frame, a new scenario): the student steps, or changes the machine, and the
 * lesson notices.
 */
export function useLessonObserver(): void {
  const store = useAppStoreApi();
  useEffect(
    () =>
      store.subscribe((state, prev) => {
        if (!state.activeLesson) return;
        if (
          state.frame !== prev.frame ||
          state.scenario !== prev.scenario ||
          state.loading !== prev.loading
        ) {
          state.observeLessonRun();
        }
      }),
    [store],
  );
}
