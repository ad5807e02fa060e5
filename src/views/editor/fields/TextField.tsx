import { useState, type KeyboardEvent } from 'react';
import { fieldId } from '../paths';
import { useReportRefused } from '../refused-context';
import { FieldMessages, useDescribedBy } from './FieldMessages';

interface Props {
  label: string;
  path: string;
  value: string;
  /** Applies the text; returns why it was refused, or null. */
  onCommit(text: string): string | null;
  multiline?: boolean;
  className?: string;
}

/**
 * A text field that edits locally and commits on blur or Enter, so one field
 * edit is one undo step. Escape puts the committed value back.
 */
export function TextField({ label, path, value, onCommit, multiline = false, className }: Props) {
  const [text, setText] = useState<string | null>(null);
  const [refused, setRefusedHere] = useState<string | null>(null);
  const report = useReportRefused(path);
  const setRefused = (message: string | null) => {
    setRefusedHere(message);
    report(path, message);
  };
  const describedBy = useDescribedBy(path, refused);
  const shown = text ?? value;

  const commit = () => {
    if (text === null) return;
    if (text === value) {
      setText(null);
      setRefused(null);
      return;
    }
    const problem = onCommit(text);
    setRefused(problem);
    if (problem === null) setText(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !multiline) {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      setText(null);
      setRefused(null);
    }
  };
  const common = {
    id: fieldId(path),
    value: shown,
    'aria-invalid': refused ? true : undefined,
    'aria-describedby': describedBy,
    'data-dirty': text !== null && text !== value ? 'true' : undefined,
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onBlur: commit,
    onKeyDown,
  };
  return (
    <div className={`ed-field ${className ?? ''}`}>
      <label htmlFor={fieldId(path)}>{label}</label>
      {multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
      <FieldMessages path={path} extra={refused} />
    </div>
  );
}
