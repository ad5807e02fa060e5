import { describe, expect, it } from 'vitest';
import { startEmbedBridge, type MessageTarget } from '../../src/embed/bridge';
import { eventSchema, type EmbedEvent } from '../../src/embed/events';
import type { OutcomeSource } from '../../src/embed/outcomes';
import type { LessonOutcome } from '../../src/protocol/lesson-outcome';
import { loadedStore } from '../store/make-store';

const H = { protocol: 'intx-lab/embed', version: 1 } as const;
const HOST = 'https://lms.example';

/** The frame's window as the bridge sees it: listeners, and a way to deliver a message. */
function fakeSelf() {
  const listeners = new Set<(event: MessageEvent) => void>();
  const self: MessageTarget = {
    addEventListener: (_type, l) => listeners.add(l),
    removeEventListener: (_type, l) => listeners.delete(l),
  };
  const deliver = (data: unknown, source: unknown, origin = HOST, ports: unknown[] = []) => {
    for (const l of listeners) l({ data, source, origin, ports } as unknown as MessageEvent);
  };
  return { self, deliver, listeners };
}

function fakeParent() {
  const posted: { message: unknown; origin: string }[] = [];
  return {
    parent: { postMessage: (message: unknown, origin: string) => posted.push({ message, origin }) },
    posted,
  };
}

function outcomeList() {
  let list: readonly LessonOutcome[] = [];
  const listeners = new Set<() => void>();
  const source: OutcomeSource = {
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    getOutcomes: () => list,
  };
  return {
    source,
    append(o: LessonOutcome) {
      list = [...list, o];
      for (const l of listeners) l();
    },
  };
}

async function setup(allowedOrigins: string[] = []) {
  const store = await loadedStore('fig4-selective');
  const { self, deliver, listeners } = fakeSelf();
  const { parent, posted } = fakeParent();
  const outcomes = outcomeList();
  const warnings: string[] = [];
  const bridge = startEmbedBridge({
    store,
    self,
    parent,
    allowedOrigins,
    outcomes: outcomes.source,
    pageUrl: 'https://cdn.example/intx/?embed=1',
    now: () => new Date('2026-12-01T12:00:00Z'),
    log: { warn: (m: string) => warnings.push(m) },
  });
  /** This API's events posted so far, each checked against the published event schema. */
  const events = () =>
    posted
      .map((p) => p.message)
      .filter((m): m is EmbedEvent => typeof m === 'object' && m !== null && 'protocol' in m)
      .map((m) => {
        const checked = eventSchema.safeParse(m);
        if (!checked.success) throw new Error(`${JSON.stringify(m)}: ${checked.error.message}`);
        return m;
      });
  /** Delivers a command from the parent and waits until its reply has been posted. */
  const send = async (body: Record<string, unknown>, id = String(Math.random())) => {
    deliver({ ...H, id, ...body }, parent);
    for (let i = 0; i < 200; i++) {
      const reply = events().find((e) => (e.type === 'reply' || e.type === 'error') && e.id === id);
      if (reply) return reply;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`no reply to ${JSON.stringify(body)}`);
  };
  return { store, bridge, deliver, parent, posted, events, send, outcomes, warnings, listeners };
}

describe('the host bridge', () => {
  it('says ready with the state shown, at once when a run is already shown', async () => {
    const { events, store } = await setup();
    const ready = events().find((e) => e.type === 'ready');
    expect(ready).toMatchObject({
      type: 'ready',
      state: {
        cursor: 0,
        eventCount: store.getState().run!.eventCount,
        playing: false,
        preset: 'fig4-selective',
      },
    });
  });

  it('obeys seek and step from the parent, replying with the new state and telling step-changed', async () => {
    const { send, events, store } = await setup();
    expect(await send({ type: 'seek', cursor: 6 }, 'a')).toMatchObject({
      type: 'reply',
      id: 'a',
      command: 'seek',
      state: { cursor: 6 },
    });
    expect(store.getState().frame!.cursor).toBe(6);
    expect(
      events()
        .filter((e) => e.type === 'step-changed')
        .map((e) => e.type === 'step-changed' && e.state.cursor),
    ).toEqual([6]);
    expect(await send({ type: 'step', by: -4 })).toMatchObject({ state: { cursor: 2 } });
    // By interrupt: to the first controller delivery after the cursor.
    const markers = store.getState().run!.interruptCursors;
    expect(await send({ type: 'step', unit: 'interrupt' })).toMatchObject({
      state: { cursor: markers.find((m) => m > 2) },
    });
    // Seeks past the end land on the end.
    expect(await send({ type: 'seek', cursor: 1e9 })).toMatchObject({
      state: { cursor: store.getState().run!.eventCount },
    });
  });

  it('runs commands in order: get-state after seek sees the seek', async () => {
    const { deliver, parent, events } = await setup();
    deliver({ ...H, id: 1, type: 'seek', cursor: 9 }, parent);
    deliver({ ...H, id: 2, type: 'get-state' }, parent);
    await expect
      .poll(() => events().find((e) => e.type === 'reply' && e.id === 2))
      .toMatchObject({ state: { cursor: 9 } });
  });

  it('loads a preset and a scenario object, and names problems inside the file', async () => {
    const { send, store } = await setup();
    expect(
      await send({ type: 'load', source: { kind: 'preset', name: 'fig2-native' } }),
    ).toMatchObject({
      type: 'reply',
      state: { preset: 'fig2-native', cursor: 0 },
    });
    expect(await send({ type: 'load', source: { kind: 'preset', name: 'nope' } })).toMatchObject({
      type: 'error',
      errors: [{ path: '$.source.name', message: 'there is no preset "nope"' }],
    });
    const scenario = { ...store.getState().original!, name: 'From the course' };
    expect(await send({ type: 'load', source: { kind: 'scenario', scenario } })).toMatchObject({
      type: 'reply',
      state: { scenario: 'From the course' },
    });
    const broken = await send({
      type: 'load',
      source: { kind: 'scenario', scenario: { ...scenario, policy: 'all' } },
    });
    expect(broken).toMatchObject({ type: 'error', command: 'load' });
    if (broken.type === 'error')
      expect(broken.errors.map((e) => e.path)).toContain('$.source.scenario.policy');
    // The failed load changed nothing.
    expect(store.getState().scenario!.name).toBe('From the course');
  });

  it('loads a trace object as recorded', async () => {
    const { send, store } = await setup();
    const file = await store.getState().exportFile('trace');
    const trace = JSON.parse(file!.text) as Record<string, unknown>;
    const count = store.getState().run!.eventCount;
    await send({ type: 'load', source: { kind: 'preset', name: 'fig2-native' } });
    expect(await send({ type: 'load', source: { kind: 'trace', trace } })).toMatchObject({
      type: 'reply',
      state: { eventCount: count, cursor: 0 },
    });
    expect(store.getState().run!.imported).toBe(true);
    const bad = await send({
      type: 'load',
      source: { kind: 'trace', trace: { ...trace, events: 3 } },
    });
    expect(bad.type === 'error' && bad.errors[0]!.path).toBe('$.source.trace.events');
  });

  it('answers a lesson load with the lesson layer missing, rather than pretending', async () => {
    const { send } = await setup();
    expect(
      await send({ type: 'load', source: { kind: 'lesson', lesson: { id: 'x' } } }),
    ).toMatchObject({
      type: 'error',
      errors: [{ path: '$.source.lesson', message: 'lessons are not available in this build' }],
    });
  });

  it('replies to a malformed command with its JSON path, and keeps working', async () => {
    const { send } = await setup();
    expect(await send({ type: 'seek', cursor: 'end' }, 'bad')).toEqual({
      ...H,
      type: 'error',
      id: 'bad',
      command: 'seek',
      errors: [{ path: '$.cursor', message: 'expected a number, got "end"' }],
    });
    expect(await send({ type: 'seek', cursor: 1 })).toMatchObject({ type: 'reply' });
  });

  it('ignores other windows and other origins, and says so in the console', async () => {
    const { deliver, parent, events, warnings, store } = await setup([HOST]);
    const before = events().length;
    deliver({ ...H, id: 's', type: 'seek', cursor: 5 }, { other: 'window' });
    deliver({ ...H, id: 'o', type: 'seek', cursor: 5 }, parent, 'https://evil.example');
    // Not this API's messages: left alone without a word.
    deliver({ hello: 1 }, { other: 'window' });
    await new Promise((r) => setTimeout(r, 30));
    expect(events().length).toBe(before);
    expect(store.getState().cursor).toBe(0);
    expect(warnings).toEqual([
      'INTx Lab ignored a command because it did not come from the parent window (origin https://lms.example).',
      'INTx Lab ignored a command because its origin https://evil.example is not one of the allowed origins (https://lms.example).',
    ]);
  });

  it('posts events only to the allowed origins', async () => {
    const { posted } = await setup(['https://a.example', 'https://b.example']);
    const ready = posted.filter((p) => (p.message as EmbedEvent).type === 'ready');
    expect(ready.map((p) => p.origin)).toEqual(['https://a.example', 'https://b.example']);
  });

  it('sends checkpoints as they come and the completed statement once', async () => {
    const { outcomes, events } = await setup();
    const checkpoint: LessonOutcome = {
      kind: 'checkpoint',
      lessonId: 'l1',
      stepId: 's1',
      checkpointId: 'c1',
      status: 'solved',
      score: 1,
      maximum: 1,
    };
    outcomes.append(checkpoint);
    outcomes.append({ kind: 'completed', lessonId: 'l1', score: 1, maximum: 1 });
    outcomes.append({ kind: 'completed', lessonId: 'l1', score: 1, maximum: 1 });
    expect(events().filter((e) => e.type === 'checkpoint')).toEqual([
      {
        ...H,
        type: 'checkpoint',
        lessonId: 'l1',
        stepId: 's1',
        checkpointId: 'c1',
        status: 'solved',
        score: 1,
        maximum: 1,
      },
    ]);
    const completed = events().filter((e) => e.type === 'completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({
      lessonId: 'l1',
      score: 1,
      maximum: 1,
      statement: {
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
        object: { id: 'https://cdn.example/intx/?lesson=l1' },
        result: { completion: true, success: true, score: { raw: 1, max: 1, scaled: 1 } },
        timestamp: '2026-12-01T12:00:00.000Z',
      },
    });
  });

  it('moves to a MessagePort handed over with a command', async () => {
    const { deliver, parent, posted, store } = await setup();
    const channel = new MessageChannel();
    const heard: EmbedEvent[] = [];
    channel.port1.onmessage = (event) => heard.push(event.data as EmbedEvent);
    const before = posted.length;
    deliver({ ...H, id: 'p', type: 'get-state' }, parent, HOST, [channel.port2]);
    await expect.poll(() => heard.find((e) => e.type === 'reply')).toMatchObject({ id: 'p' });
    // Commands on the port are obeyed, and their events come back on it, not to the window.
    channel.port1.postMessage({ ...H, id: 'q', type: 'seek', cursor: 3 });
    await expect
      .poll(() => heard.find((e) => e.type === 'reply' && e.id === 'q'))
      .toMatchObject({ state: { cursor: 3 } });
    await expect.poll(() => heard.some((e) => e.type === 'step-changed')).toBe(true);
    expect(posted.length).toBe(before);
    expect(store.getState().frame!.cursor).toBe(3);
    channel.port1.close();
  });

  it('stops listening when stopped', async () => {
    const { bridge, listeners } = await setup();
    bridge.stop();
    expect(listeners.size).toBe(0);
  });
});
