import { useCallback } from 'react';
import { useAppStoreApi } from '../../store';

/** Opens a `File` from the picker or a drop: its bytes go to the store's import action. */
export function useOpenFile(): (file: File) => Promise<boolean> {
  const store = useAppStoreApi();
  return useCallback(
    async (file: File) => {
      let bytes: ArrayBuffer;
      try {
        bytes = await file.arrayBuffer();
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        store.setState({
          importErrors: [{ file: file.name, path: '$', message: `could not be read: ${detail}` }],
        });
        return false;
      }
      return store.getState().openFile(file.name, bytes);
    },
    [store],
  );
}
