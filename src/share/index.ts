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
