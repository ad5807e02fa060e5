import type { AppState } from '../../store';

export const selectImporting = (s: AppState) => s.importProgress !== null;
export const selectImportProgress = (s: AppState) => s.importProgress;
export const selectImportErrors = (s: AppState) => s.importErrors;
export const selectOpened = (s: AppState) => s.opened;
export const selectRerun = (s: AppState) => s.rerun;
export const selectOriginal = (s: AppState) => s.original;
/** Reading a file can be stopped only where the simulation can be restarted. */
export const selectCanCancelImport = (s: AppState) => s.cancelRun !== null;
