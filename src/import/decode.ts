import { fail, ok, type ParseResult } from '../trace-io/result';

/**
 * The largest file read. JavaScript strings stop near 512 M characters in V8,
 * and a trace this big would hold tens of millions of events: past it, say so
 * plainly instead of failing somewhere inside the browser.
 */
export const MAX_FILE_BYTES = 400 * 1024 * 1024;

/** Bytes decoded per step; small enough that progress moves on a 100 MB file. */
export const DECODE_CHUNK = 4 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** True when `byte` continues a UTF-8 sequence (10xxxxxx): a chunk must not start on it. */
const continues = (byte: number) => (byte & 0xc0) === 0x80;

/**
 * Where the chunk from `start` ends: `chunk` bytes on (at least 4), moved back (at most
 * the three continuation bytes a character can have) so that it ends between
 * two characters. Each chunk is then a whole text of its own, decoded without
 * the decoder's streaming mode, which is several times slower.
 */
function chunkEnd(bytes: Uint8Array, start: number, chunk: number): number {
  let end = Math.min(bytes.byteLength, start + chunk);
  for (let back = 0; back < 3 && end < bytes.byteLength && continues(bytes[end]!); back++) end--;
  return end;
}

/**
 * Stage 0: UTF-8 bytes to text, chunk by chunk so progress can be shown.
 * Invalid UTF-8 is refused rather than silently replaced, since a replaced
 * character inside an id would make a different, confusing document.
 */
export function decodeUtf8(
  bytes: Uint8Array,
  onChunk: (fractionDone: number) => void,
  chunk = DECODE_CHUNK,
): ParseResult<string> {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return fail(
      '$',
      `the file is ${megabytes(bytes.byteLength)}; at most ${megabytes(MAX_FILE_BYTES)} can be opened`,
    );
  }
  // The byte-order mark is dropped once, at the start of the file, as a streamed decode
  // does; a U+FEFF that happens to begin a later chunk is text and stays (ignoreBOM).
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const parts: string[] = [];
  try {
    for (let start = bom; start < bytes.byteLength;) {
      // Four bytes at least: a chunk moved back by three still holds a character.
      const end = chunkEnd(bytes, start, Math.max(4, chunk));
      parts.push(decoder.decode(bytes.subarray(start, end)));
      onChunk(end / bytes.byteLength);
      start = end;
    }
  } catch {
    return fail('$', 'the file is not UTF-8 text (INTx Lab reads JSON files saved as UTF-8)');
  }
  return ok(parts.join(''));
}

/** The whole file at once, by the same rule (the command line reads files this way). */
export function decodeFileText(bytes: Uint8Array): ParseResult<string> {
  return decodeUtf8(bytes, () => {});
}
