/** Public API of the panels folder. */
export { ConfirmEditDialog } from './ConfirmEditDialog';
export { Controls } from './Controls';
export { ErrorBanner } from './ErrorBanner';
export { EventLog } from './EventLog';
export { FlowPanel } from './FlowPanel';
export { Narration } from './Narration';
export { NoticeBanner } from './NoticeBanner';
export { Scrubber } from './Scrubber';
export { StatusLine } from './StatusLine';
export { Toolbar } from './Toolbar';
export { KeyboardHelp } from './KeyboardHelp';
export { SkipLink } from './SkipLink';
export { ScreenSummary } from './ScreenSummary';
