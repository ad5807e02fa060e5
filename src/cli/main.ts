import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from './run';

// The only file of the command line that touches the process.
process.exitCode = runCli(process.argv.slice(2), {
  readText: (path) => readFileSync(path, 'utf8'),
  writeText: (path, text) => writeFileSync(path, text),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
