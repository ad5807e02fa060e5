/**
 * Whether a file to open is its bytes (else a Blob, a picked file, to read). By
 * its tag, not `instanceof`: bytes made in another realm (a test's jsdom window)
 * are still an ArrayBuffer, and a Blob never is.
 */
export function isBytes(source: ArrayBuffer | Blob): source is ArrayBuffer {
  return Object.prototype.toString.call(source) === '[object ArrayBuffer]';
}
