/** Public API of the Compare workspace. */
export { CompareWorkspace } from './CompareWorkspace';
