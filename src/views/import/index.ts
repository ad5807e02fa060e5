/** Public API of the import views. */
export { ImportBanners } from './ImportBanners';
export { ImportLayer } from './ImportLayer';
export { OpenFileButton } from './OpenFileButton';
