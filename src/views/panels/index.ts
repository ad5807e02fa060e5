/** Public API of the panels folder. */
export { ConfirmEditDialog } from './ConfirmEditDialog';
export { Controls } from './Controls';
export { ErrorBanner } from './ErrorBanner';
export { EventLog } from './EventLog';
export { Narration } from './Narration';
export { Scrubber } from './Scrubber';
export { StatusLine } from './StatusLine';
export { Toolbar } from './Toolbar';
