import { fieldId } from '../paths';
import { FieldMessages, useDescribedBy } from './FieldMessages';

export interface Option<T extends string> {
  value: T;
  label: string;
}

/** A drop-down; each choice is one undo step. */
export function SelectField<T extends string>({
  label,
  path,
  value,
  options,
  onChange,
  className,
}: {
  label: string;
  path: string;
  value: T;
  options: readonly Option<T>[];
  onChange(value: T): void;
  className?: string;
}) {
  const describedBy = useDescribedBy(path);
  return (
    <div className={`ed-field ${className ?? ''}`}>
      <label htmlFor={fieldId(path)}>{label}</label>
      <select
        id={fieldId(path)}
        value={value}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages path={path} />
    </div>
  );
}

/** A checkbox with its label on the right. */
export function CheckField({
  label,
  path,
  checked,
  onChange,
}: {
  label: string;
  path: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  const describedBy = useDescribedBy(path);
  return (
    <div className="ed-field ed-check">
      <label>
        <input
          type="checkbox"
          id={fieldId(path)}
          checked={checked}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.checked)}
        />{' '}
        {label}
      </label>
      <FieldMessages path={path} />
    </div>
  );
}
