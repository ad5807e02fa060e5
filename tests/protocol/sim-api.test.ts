import { expose, wrap } from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { SimApi } from '../../src/protocol/api';
import { serializeTrace } from '../../src/trace-io';
import { SNAPSHOT_EVERY } from '../../src/worker/session';
import { createLocalApi } from '../../src/worker/local';
import { SimSession } from '../../src/worker/session';
import { presetScenario } from '../engine/helpers';

/**
 * One contract suite, run against the main-thread fallback and against the
 * session behind comlink over a real MessageChannel, which is what the Web
 * Worker does (structured clone of every argument and answer).
 */
const channels: MessageChannel[] = [];
function overComlink(): SimApi {
  const channel = new MessageChannel();
  channels.push(channel);
  expose(new SimSession(), channel.port1 as unknown as Parameters<typeof expose>[1]);
  return wrap<SimApi>(channel.port2 as unknown as Parameters<typeof wrap>[0]) as unknown as SimApi;
}
afterAll(() => {
  for (const c of channels) {
    c.port1.close();
    c.port2.close();
  }
});

const implementations: [string, () => SimApi][] = [
  ['main thread', createLocalApi],
  ['comlink', overComlink],
];

describe.each(implementations)('SimApi (%s)', (_, make) => {
  it('load runs the scenario and reports markers and the summary', async () => {
    const api = make();
    const info = await api.load(presetScenario('fig3-broadcast'));
    expect(info.eventCount).toBeGreaterThan(100);
    expect(info.interruptCursors).toHaveLength(4);
    expect(info.summary.totals).toMatchObject({ contextSwitches: 12, spurious: 8 });
    expect(info.imported).toBe(false);
  });

  it('frameAt gives the folded view and the event that led to it, clamped', async () => {
    const api = make();
    const info = await api.load(presetScenario('fig3-broadcast'));
    const start = await api.frameAt(-5);
    expect(start.cursor).toBe(0);
    expect(start.event).toBeNull();
    const first = await api.frameAt(1);
    expect(first.event?.type).toBe('device.raise');
    expect(first.view.devices.nic0!.cause).toBe(1);
    const end = await api.frameAt(info.eventCount + 10);
    expect(end.cursor).toBe(info.eventCount);
    expect(end.view.spurious).toBe(8);
    expect(end.view.ended).toBe(true);
  });

  it('seeking through a snapshot equals folding from the start', async () => {
    const api = make();
    const scenario = presetScenario('storm');
    const info = await api.load(scenario);
    expect(info.eventCount).toBeGreaterThan(3 * SNAPSHOT_EVERY);
    const far = await api.frameAt(2 * SNAPSHOT_EVERY + 17);
    const back = await api.frameAt(5);
    const again = await api.frameAt(2 * SNAPSHOT_EVERY + 17);
    expect(again).toEqual(far);
    expect(back.cursor).toBe(5);
  });

  it('events, cursorAtTime, summaryAt and trace agree with each other', async () => {
    const api = make();
    const info = await api.load(presetScenario('fig4-selective'));
    const events = await api.events(0, info.eventCount);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    const c = await api.cursorAtTime(2_000_000);
    expect(events[c - 1]!.t).toBeLessThanOrEqual(2_000_000);
    expect(events[c]!.t).toBeGreaterThan(2_000_000);
    expect((await api.summaryAt(info.eventCount)).totals).toEqual(info.summary.totals);
    const trace = await api.trace();
    expect(trace.events).toHaveLength(info.eventCount);
    expect(trace.format).toBe('intx-lab/trace');
  });

  it('loadTrace replays a recorded trace without re-simulating', async () => {
    const api = make();
    await api.load(presetScenario('race-eoi'));
    const trace = await api.trace();
    const other = make();
    const info = await other.loadTrace(trace);
    expect(info.imported).toBe(true);
    expect(info.eventCount).toBe(trace.events.length);
    expect((await other.frameAt(info.eventCount)).view.spurious).toBe(6);
  });

  it('exports the run as files whose names say what they are', async () => {
    const api = make();
    await api.load(presetScenario('fig4-selective'));
    const trace = await api.exportFile('trace');
    expect(trace.fileName).toBe('intx-lab_figure-4-selective-forwarding_selective.trace.json');
    expect(trace.text).toBe(serializeTrace(await api.trace()));
    const vcd = await api.exportFile('vcd');
    expect(vcd.text).toMatch(/\$timescale 1ns \$end/);
    const scenario = await api.exportFile('scenario');
    expect(JSON.parse(scenario.text)).toMatchObject({
      format: 'intx-lab/scenario',
      policy: 'selective',
    });
    expect(JSON.parse((await api.exportFile('wave')).text)).toHaveProperty('signal');
  });
});
