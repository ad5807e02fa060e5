import type { Progress } from '../../lessons/progress';
import type { ExportedFile } from '../../protocol/api';
import { formatError } from '../../trace-io/result';
import { parseProgressText } from '../../trace-io/progress-schema';

/** The progress as a file to download (formats.md "Progress"). */
export function progressFile(progress: Progress): ExportedFile {
  return {
    fileName: 'intx-lab-progress.json',
    mimeType: 'application/json',
    text: `${JSON.stringify(progress, null, 2)}\n`,
  };
}

/** A progress file read back: the progress, or one line per problem. */
export function readProgressFile(
  text: string,
  fileName: string,
): { ok: true; progress: Progress } | { ok: false; message: string } {
  const parsed = parseProgressText(text, fileName);
  if (parsed.ok) return { ok: true, progress: parsed.value };
  return {
    ok: false,
    message: parsed.errors
      .slice(0, 3)
      .map((e) => formatError(fileName, e))
      .join('\n'),
  };
}
