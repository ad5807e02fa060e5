/** Public API of the glossary: the terms on screen and what to watch for in each preset. */
export { TERMS, glossaryTerm, type GlossaryTerm, type TermId } from './terms';
export { WATCH_FOR, watchFor } from './watch-for';
export { markTerms, type TextPiece } from './mark-terms';
