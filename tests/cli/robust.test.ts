import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run';
import { fakeIo } from './fake-io';

/** The real command line, as a shell runs it (tsx directly: npm would add its own lines). */
function sh(command: string) {
  return spawnSync('sh', ['-c', command], {
    encoding: 'utf8',
    cwd: process.cwd(),
    timeout: 60_000,
  });
}
const SIM = 'node --import tsx src/cli/main.ts';

describe('the command line fails in one clear line', () => {
  it('--out to a path it cannot write: one line, exit 1, no stack trace', () => {
    const f = fakeIo();
    const io: CliIo = {
      ...f.io,
      writeText: () => {
        const e = new Error(
          "EACCES: permission denied, open '/root/t.json'",
        ) as NodeJS.ErrnoException;
        e.code = 'EACCES';
        throw e;
      },
    };
    expect(runCli(['--preset', 'storm', '--out', '/root/t.json'], io)).toBe(1);
    expect(f.err()).toBe(
      'sim: cannot write the trace to /root/t.json: permission denied (EACCES)\n',
    );
  });

  it('the same from a real shell, into a folder that does not exist', () => {
    const r = sh(`${SIM} --preset storm --out /nonexistent-folder/t.json`);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'sim: cannot write the trace to /nonexistent-folder/t.json: no such file or directory (ENOENT)\n',
    );
  });

  it('--list-presets | head -1 ends quietly', () => {
    const r = sh(`${SIM} --list-presets | head -1; exit $?`);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toHaveLength(2);
    // A whole trace to a reader that stops at once: no EPIPE stack trace either.
    const t = sh(`${SIM} --preset scale-32-vms | head -c 10 >/dev/null`);
    expect(t.stderr).toBe('');
  });

  it('usage ends with its newline, on --help and after a bad flag', () => {
    const help = fakeIo();
    expect(runCli(['--help'], help.io)).toBe(0);
    expect(help.out().endsWith('--list-lessons\n')).toBe(true);
    const bad = fakeIo();
    expect(runCli(['--bogus'], bad.io)).toBe(2);
    expect(bad.err().endsWith('--list-lessons\n')).toBe(true);
  });

  it('invalid UTF-8 is refused as the page refuses it, not read with replacement characters', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]));
    const r = sh(`${SIM} ${file}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `${file}: $: the file is not UTF-8 text (INTx Lab reads JSON files saved as UTF-8)\n`,
    );
  });
});
