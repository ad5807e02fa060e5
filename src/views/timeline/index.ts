/** Public API of the timeline folder. */
export { TimelinePane } from './TimelinePane';
