import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { decodeFileText } from '../import/decode';
import { runCli } from './run';

// The only file of the command line that touches the process.

/** Same rule as the page: invalid UTF-8 is refused, never read with replacement characters. */
function readText(path: string): string {
  const text = decodeFileText(readFileSync(path));
  if (!text.ok) throw new Error(text.errors[0]!.message);
  return text.value;
}

function writeText(path: string, text: string | Iterable<string>): void {
  if (typeof text === 'string') return writeFileSync(path, text);
  const fd = openSync(path, 'w');
  try {
    for (const part of text) writeSync(fd, part);
  } finally {
    closeSync(fd);
  }
}

// A reader that stops early (`| head`) closes the pipe: that is no failure of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`sim: cannot write the output: ${error.message}\n`);
    process.exit(1);
  });
}

process.exitCode = runCli(process.argv.slice(2), {
  readText,
  writeText,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
