import { markTerms } from '../../glossary';
import { Term } from './Term';

/**
 * A sentence the page writes, with each glossary term in it (its first time
 * per sentence) a `Term`: focusable, defined on hover, focus or tap. The text
 * reads the same; only the terms become reachable. A plain function, not a
 * component: the panel that shows the sentence renders once per step already.
 */
export function TermText({ text }: { text: string }) {
  return (
    <>
      {markTerms(text).map((piece, i) =>
        piece.term === null ? (
          piece.text
        ) : (
          <Term key={i} id={piece.term}>
            {piece.text}
          </Term>
        ),
      )}
    </>
  );
}
