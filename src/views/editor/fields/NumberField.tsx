import { useState, type KeyboardEvent } from 'react';
import {
  formatIn,
  naturalUnit,
  parseCount,
  parseDuration,
  UNIT_LABEL,
  type TimeUnit,
} from '../../../editor';
import { fieldId } from '../paths';
import { useReportRefused } from '../refused-context';
import { FieldMessages, useDescribedBy } from './FieldMessages';

interface Common {
  label: string;
  path: string;
  className?: string;
}

/** Local text, committed on blur or Enter; a refused value stays with its reason. */
function useLocalText(path: string, shownValue: string, parse: (text: string) => string | null) {
  const [text, setText] = useState<string | null>(null);
  const [refused, setRefusedHere] = useState<string | null>(null);
  const report = useReportRefused(path);
  const setRefused = (message: string | null) => {
    setRefusedHere(message);
    report(path, message);
  };
  const commit = () => {
    if (text === null) return;
    if (text === shownValue) {
      setText(null);
      setRefused(null);
      return;
    }
    const problem = parse(text);
    setRefused(problem);
    if (problem === null) setText(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      setText(null);
      setRefused(null);
    }
  };
  return {
    text: text ?? shownValue,
    dirty: text !== null && text !== shownValue,
    refused,
    setText,
    commit,
    onKeyDown,
  };
}

/** A duration typed in ns or µs (the person's choice), stored in whole ns. */
export function DurationField({
  label,
  path,
  ns,
  onCommit,
  className,
}: Common & { ns: number; onCommit(ns: number): void }) {
  const [unit, setUnit] = useState<TimeUnit>(() => naturalUnit(ns));
  const local = useLocalText(path, formatIn(ns, unit), (text) => {
    const parsed = parseDuration(text, unit);
    if (!parsed.ok) return parsed.message;
    if (parsed.ns !== ns) onCommit(parsed.ns);
    return null;
  });
  const describedBy = useDescribedBy(path, local.refused);
  const id = fieldId(path);
  return (
    <div className={`ed-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <span className="ed-with-unit">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={local.text}
          aria-invalid={local.refused ? true : undefined}
          aria-describedby={describedBy}
          data-dirty={local.dirty ? 'true' : undefined}
          onChange={(e) => local.setText(e.target.value)}
          onBlur={local.commit}
          onKeyDown={local.onKeyDown}
        />
        <select
          aria-label={`${label} unit`}
          value={unit}
          onChange={(e) => setUnit(e.target.value as TimeUnit)}
        >
          <option value="ns">{UNIT_LABEL.ns}</option>
          <option value="us">{UNIT_LABEL.us}</option>
        </select>
      </span>
      <FieldMessages path={path} extra={local.refused} />
    </div>
  );
}

/** A whole number within limits (a count, a seed, a slot). */
export function CountField({
  label,
  path,
  value,
  min,
  max,
  onCommit,
  className,
}: Common & { value: number; min: number; max: number; onCommit(value: number): void }) {
  const local = useLocalText(path, String(value), (text) => {
    const parsed = parseCount(text, min, max);
    if (!parsed.ok) return parsed.message;
    if (parsed.value !== value) onCommit(parsed.value);
    return null;
  });
  const describedBy = useDescribedBy(path, local.refused);
  const id = fieldId(path);
  return (
    <div className={`ed-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={local.text}
        aria-invalid={local.refused ? true : undefined}
        aria-describedby={describedBy}
        data-dirty={local.dirty ? 'true' : undefined}
        onChange={(e) => local.setText(e.target.value)}
        onBlur={local.commit}
        onKeyDown={local.onKeyDown}
      />
      <FieldMessages path={path} extra={local.refused} />
    </div>
  );
}
