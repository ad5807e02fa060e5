import type { Bit } from '../../../engine/events';

/** A register bit or signal as text (0/1, or — when it does not exist); colour only repeats it. */
export function BitValue({ value, title }: { value: Bit | null; title?: string }) {
  const text = value === null ? '—' : String(value);
  return (
    <span className={`intx-bit intx-bit--${value ?? 'none'}`} title={title}>
      {text}
    </span>
  );
}
