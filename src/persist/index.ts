/** Public API of the persist folder: the person's work in this browser, and where the page starts. */
export {
  checkWork,
  KEPT_ASIDE_PREFIX,
  loadWork,
  saveWork,
  setAside,
  WORK_KEY,
  WORK_VERSION,
  type KeyValueStorage,
  type LoadedWork,
  type SavedWork,
} from './work-storage';
export { chooseStart, type StartChoice, type StartInputs } from './start-choice';
export { DRAFT_KEY, loadDraft, saveDraft } from './draft-storage';
