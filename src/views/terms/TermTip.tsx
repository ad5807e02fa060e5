import { createPortal } from 'react-dom';
import type { GlossaryTerm } from '../../glossary';
import type { TooltipAnchor } from './useTooltip';

/** Widest tooltip, in CSS px (terms.css uses the same value). */
const TIP_WIDTH = 320;

/**
 * The visible tooltip, in a portal under <body> so no clipping ancestor cuts it.
 * Screen readers get the definition from the word's aria-describedby instead,
 * so this copy is hidden from them.
 */
export function TermTip({ term, anchor }: { term: GlossaryTerm; anchor: TooltipAnchor }) {
  const { rect } = anchor;
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - TIP_WIDTH - 8));
  const below = rect.bottom + 6;
  // Above the word when the bottom of the window is near.
  const style =
    below + 120 > window.innerHeight
      ? { left, bottom: window.innerHeight - rect.top + 6 }
      : { left, top: below };
  return createPortal(
    <div className="term-tip" style={style} aria-hidden="true" data-testid="term-tip">
      <strong>{term.term}</strong> {term.definition}
    </div>,
    document.body,
  );
}
