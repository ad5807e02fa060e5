import {
  selectLoading,
  selectPendingEdit,
  selectPresetName,
  useAppStore,
  useAppStoreApi,
} from '../../store';
import type { AppState } from '../../store';

const selectHasOriginal = (s: AppState) => s.original !== null;

/**
 * "Reset to preset": back to the built-in scenario (or the file as opened),
 * dropping hand edits and the policy change. Work survives reloads, so this is
 * how a class starts the demo again from scratch.
 */
export function ResetButton() {
  const store = useAppStoreApi();
  const presetName = useAppStore(selectPresetName);
  const hasOriginal = useAppStore(selectHasOriginal);
  const loading = useAppStore(selectLoading);
  const pending = useAppStore(selectPendingEdit);
  const title = presetName
    ? `Go back to ${presetName} as built in: no hand edits, its own policy, the first event`
    : 'Go back to the scenario as opened: no hand edits, its own policy, the first event';
  return (
    <button
      type="button"
      title={title}
      disabled={!hasOriginal || loading || pending !== null}
      onClick={() => void store.getState().reset()}
    >
      {presetName ? 'Reset to preset' : 'Reset to opened'}
    </button>
  );
}
