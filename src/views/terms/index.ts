/** Terms with definitions, the glossary dialog and the preset's "watch for" note. */
export { Term, SvgTerm } from './Term';
export { TermText } from './TermText';
export { GlossaryButton } from './GlossaryButton';
export { WatchFor } from './WatchFor';
