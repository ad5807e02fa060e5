/** Terms with definitions, the glossary dialog and the preset's "watch for" note. */
export { Term, SvgTerm } from './Term';
export { GlossaryButton } from './GlossaryButton';
export { WatchFor } from './WatchFor';
