/** The Learn workspace and the lesson panel of the visualizer. */
export { LearnWorkspace } from './LearnWorkspace';
export { LessonPanel } from './LessonPanel';
export { WelcomeOffer } from './WelcomeOffer';
