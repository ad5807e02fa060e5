import { selectWorkspace, useAppStore, useAppStoreApi } from '../store';
import { WORKSPACES } from './workspaces';

/** The tabs that switch the main area between workspaces. */
export function WorkspaceTabs() {
  const store = useAppStoreApi();
  const current = useAppStore(selectWorkspace);
  if (WORKSPACES.length < 2) return null;
  return (
    <nav className="workspace-tabs" aria-label="Workspaces">
      {WORKSPACES.map((w) => (
        <button
          key={w.id}
          type="button"
          className="tab"
          aria-current={w.id === current ? 'page' : undefined}
          onClick={() => store.getState().setWorkspace(w.id)}
        >
          {w.label}
        </button>
      ))}
    </nav>
  );
}
