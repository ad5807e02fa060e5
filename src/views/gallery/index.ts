/** Public API of the Presets workspace. */
export { GalleryWorkspace } from './GalleryWorkspace';
export { presetSummary } from './preset-summary';
