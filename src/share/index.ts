/** Public API of the share folder: a scenario and cursor in a URL fragment, and back. */
export {
  decodeShare,
  encodeShare,
  isShareFragment,
  MAX_FRAGMENT_CHARS,
  MAX_SCENARIO_BYTES,
  SHARE_VERSION,
  type DecodeResult,
  type EncodeResult,
  type SharedWork,
} from './codec';
export { shareUrl, type ShareUrlResult } from './link';
// Lesson links live in ./lesson-link, imported directly: it brings the lesson reader, which
// the page loads only for a lesson link or the lesson panel.
