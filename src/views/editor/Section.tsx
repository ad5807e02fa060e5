import type { ReactNode } from 'react';
import { FieldMessages } from './fields/FieldMessages';

/** A titled part of the editor, with the messages that concern it as a whole. */
export function Section({
  title,
  path,
  actions,
  children,
  id,
}: {
  title: string;
  /** JSON path of the whole list (`$.devices`) for messages about it. */
  path?: string;
  actions?: ReactNode;
  children: ReactNode;
  id: string;
}) {
  return (
    <section className="ed-section" aria-labelledby={`${id}-title`} data-testid={id}>
      <header className="ed-section-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {actions ? <div className="button-row">{actions}</div> : null}
      </header>
      {path ? <FieldMessages path={path} /> : null}
      {children}
    </section>
  );
}
