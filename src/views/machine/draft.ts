import type { Policy } from '../../engine/scenario';
import type { Owners } from '../../machine';
import type { AppStore } from '../../store';

/** What the person typed in the workspace: kept while they visit other tabs. */
export interface MachineDraft {
  lspci: string;
  procInterrupts: string;
  /** Owners the person changed (device id -> VM); the rest keep their proposed VM. */
  owners: Owners;
  policy: Policy;
}

export const EMPTY_DRAFT: MachineDraft = {
  lspci: '',
  procInterrupts: '',
  owners: {},
  policy: 'broadcast',
};

// One draft per store (so per page and per test), never a module-wide one; it
// is not app state the rest of the page reads, so it stays out of the store.
const drafts = new WeakMap<AppStore, MachineDraft>();

export function readDraft(store: AppStore): MachineDraft {
  return drafts.get(store) ?? EMPTY_DRAFT;
}

export function saveDraft(store: AppStore, draft: MachineDraft): void {
  drafts.set(store, draft);
}
