import { useId, useRef, useState, type ChangeEvent } from 'react';

interface Props {
  /** Heading, e.g. "lspci -vvv". */
  title: string;
  /** The command to run, shown so the person knows what to paste. */
  command: string;
  value: string;
  onChange(text: string): void;
  testId: string;
}

/** One dump: a paste area, an Open-file button and a Clear button. */
export function DumpInput({ title, command, value, onChange, testId }: Props) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const lines = value === '' ? 0 : value.replace(/\n$/, '').split('\n').length;

  const openFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be opened again after an edit
    if (!file) return;
    try {
      onChange(await file.text());
      setFileError(null);
    } catch (err) {
      setFileError(`${file.name}: cannot read the file (${(err as Error).message})`);
    }
  };

  return (
    <section className="machine-dump" aria-labelledby={`${id}-title`}>
      <div className="machine-dump__head">
        <h3 id={`${id}-title`}>{title}</h3>
        <div className="button-row">
          <button type="button" onClick={() => fileInput.current?.click()}>
            Open file…
          </button>
          <button type="button" onClick={() => onChange('')} disabled={value === ''}>
            Clear
          </button>
        </div>
        <input
          ref={fileInput}
          type="file"
          accept=".txt,.log,text/plain"
          hidden
          aria-label={`Open a ${title} file`}
          onChange={(e) => void openFile(e)}
        />
      </div>
      <label htmlFor={id} className="machine-dump__hint">
        Paste the output of <code>{command}</code>
      </label>
      <textarea
        id={id}
        data-testid={testId}
        value={value}
        spellCheck={false}
        wrap="off"
        rows={10}
        placeholder={`$ ${command}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <span className="muted">{lines > 0 ? `${lines} lines` : 'empty'}</span>
      {fileError ? (
        <p className="machine-error" role="alert">
          {fileError}
        </p>
      ) : null}
    </section>
  );
}
