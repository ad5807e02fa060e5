import { expose, type Endpoint } from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { remoteApi } from '../../src/client/worker-handle';
import type { ImportProgress } from '../../src/protocol/api';
import { SimSession } from '../../src/worker/session';
import { bytesOf, exportedTraceText } from '../import/helpers';

/** The session behind comlink over a real MessageChannel, as in the Web Worker. */
const channels: MessageChannel[] = [];
function overChannel() {
  const channel = new MessageChannel();
  channels.push(channel);
  expose(new SimSession(), channel.port1 as unknown as Endpoint);
  return remoteApi(channel.port2 as unknown as Endpoint);
}
afterAll(() => {
  for (const c of channels) {
    c.port1.close();
    c.port2.close();
  }
});

describe('the remote simulation API', () => {
  it('transfers an opened file and carries its progress callback, from plain arguments', async () => {
    const api = overChannel();
    const bytes = bytesOf(await exportedTraceText('fig4-selective'));
    const reports: ImportProgress[] = [];
    const result = await api.openFile(bytes, 'sel.trace.json', (p) => reports.push(p));
    expect(result.ok && result.kind).toBe('trace');
    // Transferred, not copied: the page's buffer is detached once sent.
    expect(bytes.byteLength).toBe(0);
    // The callback's calls come back on a port of their own: they may land after the answer.
    await expect.poll(() => reports.at(-1)?.fraction).toBe(1);
    expect(new Set(reports.map((p) => p.stage))).toContain('validate');
  });

  it('answers every other method as the session does', async () => {
    const api = overChannel();
    const local = new SimSession();
    const bytes = bytesOf(await exportedTraceText('fig2-native'));
    await api.openFile(bytes.slice(0), 'a.trace.json');
    await local.openFile(bytes, 'a.trace.json');
    expect(await api.frameAt(7)).toEqual(await local.frameAt(7));
    expect(await api.events(2, 9)).toEqual(await local.events(2, 9));
    expect(await api.summaryAt(5)).toEqual(await local.summaryAt(5));
  });
});
