import { selectError, useAppStore, useAppStoreApi } from '../../store';

/** A failed load or step, said in the page (the last good screen stays below it). */
export function ErrorBanner() {
  const store = useAppStoreApi();
  const error = useAppStore(selectError);
  if (!error) return null;
  return (
    <div className="banner error" role="alert">
      <span>{error}</span>
      <button
        type="button"
        aria-label="Dismiss error"
        onClick={() => store.getState().setError(null)}
      >
        ×
      </button>
    </div>
  );
}
