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

/**
 * Stage 0: UTF-8 bytes to text, chunk by chunk so progress can be shown.
 * Invalid UTF-8 is refused rather than silently replaced, since a replaced
 * character inside an id would make a different, confusing document.
 */
export function decodeUtf8(
  bytes: Uint8Array,
  onChunk: (fractionDone: number) => void,
): ParseResult<string> {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return fail(
      '$',
      `the file is ${megabytes(bytes.byteLength)}; at most ${megabytes(MAX_FILE_BYTES)} can be opened`,
    );
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  try {
    for (let start = 0; start < bytes.byteLength; start += DECODE_CHUNK) {
      const end = Math.min(bytes.byteLength, start + DECODE_CHUNK);
      parts.push(decoder.decode(bytes.subarray(start, end), { stream: end < bytes.byteLength }));
      onChunk(end / bytes.byteLength);
    }
    parts.push(decoder.decode());
  } catch {
    return fail('$', 'the file is not UTF-8 text (INTx Lab reads JSON files saved as UTF-8)');
  }
  return ok(parts.join(''));
}

/** The whole file at once, by the same rule (the command line reads files this way). */
export function decodeFileText(bytes: Uint8Array): ParseResult<string> {
  return decodeUtf8(bytes, () => {});
}
