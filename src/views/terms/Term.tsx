import { memo, useId, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { glossaryTerm, type TermId } from '../../glossary';
import './terms.css';
import { TermTip } from './TermTip';
import { useTooltip } from './useTooltip';

interface TermProps {
  id: TermId;
  children: ReactNode;
  className?: string;
}

/**
 * A word with a definition: focusable (role "term"), described by the
 * glossary's definition, shown in a tooltip on hover, focus or tap.
 * `nodrag nopan` keep a press on it inside a graph node from moving the canvas.
 */
// Memoized: a term inside a panel that re-renders each step has nothing new to draw.
export const Term = memo(function Term({ id, children, className }: TermProps) {
  const term = glossaryTerm(id);
  const descId = useId();
  const { anchor, handlers } = useTooltip<HTMLSpanElement>();
  return (
    <span
      className={`term nodrag nopan${className ? ` ${className}` : ''}`}
      role="term"
      tabIndex={0}
      aria-describedby={descId}
      data-term={id}
      {...handlers}
    >
      {children}
      {/* Out of the word's own text (its textContent stays what the screen shows). */}
      {createPortal(
        <span id={descId} hidden>
          {term.definition}
        </span>,
        document.body,
      )}
      {anchor === null ? null : <TermTip term={term} anchor={anchor} />}
    </span>
  );
});

interface SvgTermProps {
  id: TermId;
  children: ReactNode;
}

/** The same inside an SVG drawing: a focusable group described by a <desc>. */
export function SvgTerm({ id, children }: SvgTermProps) {
  const term = glossaryTerm(id);
  const descId = useId();
  const { anchor, handlers } = useTooltip<SVGGElement>();
  return (
    <g
      className="term term--svg nodrag nopan"
      role="term"
      tabIndex={0}
      aria-describedby={descId}
      data-term={id}
      {...handlers}
    >
      <desc id={descId}>{term.definition}</desc>
      {children}
      {anchor === null ? null : <TermTip term={term} anchor={anchor} />}
    </g>
  );
}
