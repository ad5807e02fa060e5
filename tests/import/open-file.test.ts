import { describe, expect, it } from 'vitest';
import { openFileBytes } from '../../src/import/open-file';
import { SimSession } from '../../src/worker/session';
import { bytesOf, exportedTraceText, presetScenario, recorder, scenarioText } from './helpers';

/** A session showing fig3-broadcast, as the page has it before a file is opened. */
async function busySession(): Promise<SimSession> {
  const session = new SimSession();
  await session.load(presetScenario('fig3-broadcast'));
  return session;
}

describe('opening a file in the session', () => {
  it('reads a picked file (a Blob) itself, as it reads its bytes', async () => {
    const text = await exportedTraceText('fig4-selective');
    const fromBytes = await new SimSession().openFile(bytesOf(text), 'run.trace.json');
    const fromBlob = await new SimSession().openFile(new Blob([text]), 'run.trace.json');
    expect(fromBlob).toEqual(fromBytes);
  });

  it('says so, naming the file, when a picked file cannot be read', async () => {
    class GoneFile extends Blob {
      override arrayBuffer(): Promise<ArrayBuffer> {
        return Promise.reject(new Error('the file was moved'));
      }
    }
    const session = await busySession();
    const before = await session.frameAt(3);
    const result = await session.openFile(new GoneFile(['{}']), 'moved.json');
    expect(result).toEqual({
      ok: false,
      errors: [{ file: 'moved.json', path: '$', message: 'could not be read: the file was moved' }],
    });
    expect(await session.frameAt(3)).toEqual(before);
  });

  it('keeps a trace as recorded: same events, same frames, marked imported', async () => {
    const text = await exportedTraceText('fig4-selective');
    const reference = new SimSession();
    const simulated = await reference.load(presetScenario('fig4-selective'));

    const session = await busySession();
    const result = await session.openFile(bytesOf(text), 'run.trace.json');
    if (!result.ok || result.kind !== 'trace') throw new Error(JSON.stringify(result));
    expect(result.file).toBe('run.trace.json');
    expect(result.engine).toMatch(/^intx-lab@/);
    expect(result.run.imported).toBe(true);
    expect(result.run.eventCount).toBe(simulated.eventCount);
    expect(result.run.interruptCursors).toEqual(simulated.interruptCursors);
    for (const cursor of [0, 1, 17, simulated.eventCount]) {
      expect(await session.frameAt(cursor)).toEqual(await reference.frameAt(cursor));
    }
    // Exported again, the imported run is the same file.
    expect((await session.exportFile('trace')).text).toBe(text);
  });

  it('returns a scenario without touching the current run', async () => {
    const session = await busySession();
    const before = await session.trace();
    const result = await session.openFile(bytesOf(scenarioText('storm')), 'storm.json');
    if (!result.ok || result.kind !== 'scenario') throw new Error(JSON.stringify(result));
    expect(result.scenario.name).toBe(presetScenario('storm').name);
    expect(result.migrationNotes).toEqual([]);
    expect(await session.trace()).toEqual(before);
  });

  it('leaves the current run alone when a file is refused, and names the file', async () => {
    const session = await busySession();
    const before = await session.trace();
    const text = (await exportedTraceText('fig4-selective')).replaceAll('"run.end"', '"run.ended"');
    const result = await session.openFile(bytesOf(text), 'broken.trace.json');
    if (result.ok) throw new Error('expected a refusal');
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) {
      expect(e.file).toBe('broken.trace.json');
      expect(e.path).toMatch(/^\$\.events\[\d+\]/);
      expect(e.message.length).toBeGreaterThan(0);
    }
    expect(await session.trace()).toEqual(before);
  });

  it('says where the JSON syntax breaks', () => {
    const result = openFileBytes(bytesOf('{\n  "format": "intx-lab/trace",\n  oops\n}'), 'a.json');
    if (result.ok) throw new Error('expected a refusal');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: 'a.json', path: '$' });
    expect(result.errors[0]!.message).toMatch(/invalid JSON at line 3/);
  });

  it('refuses bytes that are not UTF-8, files of another format and versions from the future', () => {
    const notUtf8 = openFileBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'x.json');
    expect(notUtf8.ok ? [] : notUtf8.errors).toEqual([
      {
        file: 'x.json',
        path: '$',
        message: 'the file is not UTF-8 text (INTx Lab reads JSON files saved as UTF-8)',
      },
    ]);
    const other = openFileBytes(bytesOf('{"format":"wavedrom","version":1}'), 'w.json');
    expect(other.ok ? null : other.errors[0]?.path).toBe('$.format');
    const future = openFileBytes(
      bytesOf(scenarioText('fig2-native').replace('"version": 1', '"version": 7')),
      'new.json',
    );
    if (future.ok) throw new Error('expected a refusal');
    expect(future.errors[0]).toMatchObject({ path: '$.version' });
    expect(future.errors[0]!.message).toMatch(/newer than this INTx Lab understands/);
  });

  it('names an unnamed file and reports an empty one', () => {
    const result = openFileBytes(new ArrayBuffer(0), '  ');
    expect(result.ok ? [] : result.errors).toEqual([
      { file: '(unnamed file)', path: '$', message: 'the file is empty' },
    ]);
  });

  it('reports progress through every stage, never going back, ending at 1', async () => {
    const session = await busySession();
    const { reports, listen } = recorder();
    const result = await session.openFile(
      bytesOf(await exportedTraceText('scale-32-vms')),
      'big.json',
      listen,
    );
    expect(result.ok).toBe(true);
    const stages = [...new Set(reports.map((r) => r.stage))];
    expect(stages).toEqual(['decode', 'syntax', 'envelope', 'validate', 'replay']);
    for (let i = 1; i < reports.length; i++) {
      const [before, now] = [reports[i - 1]!, reports[i]!];
      if (now.stage === before.stage) expect(now.fraction).toBeGreaterThan(before.fraction);
      else expect(now.fraction).toBeGreaterThanOrEqual(before.fraction);
    }
    expect(reports.at(-1)?.fraction).toBe(1);
  });

  it('a throwing progress listener does not stop the reading', async () => {
    const session = await busySession();
    const result = await session.openFile(bytesOf(scenarioText('storm')), 's.json', () => {
      throw new Error('listener gone');
    });
    expect(result.ok).toBe(true);
  });
});
