import { useCallback } from 'react';
import { useAppStoreApi } from '../../store';

/**
 * Opens a `File` from the picker or a drop: the file itself goes to the store's
 * import action and is read by the simulation, off this thread (a 100 MB file
 * read here was copied into the page's heap in one long task).
 */
export function useOpenFile(): (file: File) => Promise<boolean> {
  const store = useAppStoreApi();
  return useCallback((file: File) => store.getState().openFile(file.name, file), [store]);
}
