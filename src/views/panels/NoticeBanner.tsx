import { selectNotice, useAppStore, useAppStoreApi } from '../../store';

/**
 * News that is not a failure, such as a restarted simulation: said politely
 * (role=status) and kept until dismissed, so it is not missed.
 */
export function NoticeBanner() {
  const store = useAppStoreApi();
  const notice = useAppStore(selectNotice);
  if (!notice) return null;
  return (
    <div className="banner notice" role="status" data-testid="notice">
      <span>{notice}</span>
      <button
        type="button"
        aria-label="Dismiss notice"
        onClick={() => store.getState().setNotice(null)}
      >
        ×
      </button>
    </div>
  );
}
