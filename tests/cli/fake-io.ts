import type { CliIo } from '../../src/cli/run';

/** The command line's input and output in memory: files to read, and what was printed or written. */
export function fakeIo(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIo = {
    readText: (p) => {
      const text = files[p];
      if (text === undefined) {
        const e = new Error(`ENOENT: no such file or directory, open '${p}'`);
        throw Object.assign(e, { code: 'ENOENT' });
      }
      return text;
    },
    writeText: (p, t) => {
      written[p] = typeof t === 'string' ? t : [...t].join('');
    },
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  };
  return { io, out: () => out.join(''), err: () => err.join(''), written };
}
