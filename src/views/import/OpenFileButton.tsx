import { useRef, type ChangeEvent } from 'react';
import { useAppStore } from '../../store';
import { selectImporting } from './selectors';
import { useOpenFile } from './useOpenFile';

/** "Open…": a real button that opens the file picker for a scenario or trace file. */
export function OpenFileButton() {
  const input = useRef<HTMLInputElement>(null);
  const importing = useAppStore(selectImporting);
  const open = useOpenFile();

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Cleared so that choosing the same file again still opens it.
    e.target.value = '';
    if (file) void open(file);
  };

  return (
    <>
      <button
        type="button"
        className="open-file-button"
        title="Open a scenario or trace file (or drop it on the page)"
        disabled={importing}
        onClick={() => input.current?.click()}
      >
        Open…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label="Open a scenario or trace file"
        data-testid="open-file-input"
        hidden
        onChange={onChange}
      />
    </>
  );
}
