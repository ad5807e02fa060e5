import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/scenario';
import { findPreset } from '../../src/presets';
import type { SimApi } from '../../src/protocol/api';
import { serializeTrace, normalizeScenario } from '../../src/trace-io';
import { SimSession } from '../../src/worker/session';
import {
  superviseWorker,
  type RestartReport,
  type Supervisor,
  type SupervisorOptions,
  type WorkerHandle,
  type WorkerSignal,
} from '../../src/client/supervisor';

function preset(name: string): Scenario {
  const parsed = normalizeScenario(findPreset(name)!.file);
  if (!parsed.ok) throw new Error(name);
  return parsed.value;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A simulation like the worker's, in this thread, that can be made to die
 * (no answer ever again, like a worker closed by `self.close()`), to hang, or
 * to take a while on one method (legitimate long work).
 */
class FakeWorker implements WorkerHandle {
  readonly session = new SimSession();
  silent = false;
  terminated = false;
  delays: Partial<Record<keyof SimApi, number>> = {};
  calls: string[] = [];
  readonly api: SimApi;

  constructor() {
    this.api = new Proxy({} as SimApi, {
      get: (_t, name: string) => {
        if (name === 'then') return undefined;
        // Like comlink: a method is a proxy too, and its properties (even `.apply`) are remote.
        return this.remoteMethod(name);
      },
    });
  }

  private remoteMethod(name: string): (...args: unknown[]) => Promise<unknown> {
    const call = async (...args: unknown[]) => {
      this.calls.push(name);
      if (this.silent || this.terminated) return new Promise(() => undefined);
      const delay = this.delays[name as keyof SimApi];
      if (delay) await sleep(delay);
      const method = (this.session as unknown as Record<string, (...a: unknown[]) => unknown>)[
        name
      ]!;
      return method.apply(this.session, args);
    };
    return new Proxy(call, {
      get: (_t, property) => () =>
        Promise.reject(new Error(`${name}.${String(property)} is not a method`)),
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

const FAST: Omit<SupervisorOptions, 'spawn'> = {
  quickMs: 150,
  slowMs: 600,
  heartbeatMs: 40,
  pingTimeoutMs: 100,
};

let supervisor: Supervisor | null = null;
afterEach(() => {
  supervisor?.terminate();
  supervisor = null;
});

function start(options: Partial<SupervisorOptions> = {}) {
  const workers: FakeWorker[] = [];
  const reports: RestartReport[] = [];
  supervisor = superviseWorker({
    ...FAST,
    spawn: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    ...options,
  });
  supervisor.onRestart((r) => reports.push(r));
  return { api: supervisor.api, sup: supervisor, workers, reports };
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(10);
  }
}

describe('supervised simulation', () => {
  it('passes calls through and is not a thenable', async () => {
    const { api, workers } = start();
    const run = await api.load(preset('fig4-selective'));
    const frame = await api.frameAt(10);
    expect(frame.cursor).toBe(10);
    expect(run.eventCount).toBeGreaterThan(10);
    expect((api as unknown as { then?: unknown }).then).toBeUndefined();
    expect(workers).toHaveLength(1);
  });

  it('notices a worker that died while idle, restarts it and reloads the scenario', async () => {
    const { api, sup, workers, reports } = start();
    const scenario = preset('fig3-broadcast');
    await api.load(scenario);
    const before = await api.frameAt(37);
    workers[0]!.silent = true; // like self.close(): no event, no answer

    await until(() => reports.length === 1);
    expect(sup.restarts()).toBe(1);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(reports[0]).toEqual({
      restored: 'scenario',
      message:
        'The simulation stopped responding and was restarted; your scenario and position were restored.',
    });
    // The new worker holds the same run: the same frame at the same cursor.
    expect(workers[1]!.calls).toContain('load');
    expect(await api.frameAt(37)).toEqual(before);
  });

  it('retries a step that was waiting on a hung worker', async () => {
    const { api, workers, reports } = start({ heartbeatMs: 60_000 });
    await api.load(preset('fig4-selective'));
    const expected = await api.frameAt(12);
    workers[0]!.silent = true;
    const frame = await api.frameAt(12); // waits, the worker is replaced, then it answers
    expect(frame).toEqual(expected);
    expect(reports).toHaveLength(1);
    expect(workers).toHaveLength(2);
  });

  it('does not take a long legitimate load for a hang', async () => {
    const { api, workers, reports } = start({ quickMs: 80 });
    await api.load(preset('fig2-native'));
    workers[0]!.delays.load = 400; // longer than quickMs, shorter than slowMs
    const loading = api.load(preset('fig4-selective'));
    // A frame asked meanwhile waits behind the load: still not a hang.
    const frame = api.frameAt(3);
    await loading;
    expect((await frame).cursor).toBe(3);
    await sleep(150); // heartbeats resume and are answered
    expect(reports).toEqual([]);
    expect(workers).toHaveLength(1);
  });

  it('cancels a load that never ends and restores the previous run', async () => {
    const { api, workers, reports } = start();
    const first = preset('fig2-native');
    const firstRun = await api.load(first);
    workers[0]!.silent = true;
    await expect(api.load(preset('storm'))).rejects.toThrow(
      /stopped responding during "load" and was restarted/,
    );
    await until(() => reports.length === 1);
    expect((await api.trace()).events).toHaveLength(firstRun.eventCount);
  });

  it('restores an opened trace from a copy of the file', async () => {
    const { api, workers, reports } = start();
    const session = new SimSession();
    await session.load(preset('fig5-gates'));
    const text = serializeTrace(await session.trace());
    const bytes = new TextEncoder().encode(text).buffer as ArrayBuffer;
    const opened = await api.openFile(bytes, 'demo.trace.json');
    expect(opened.ok && opened.kind).toBe('trace');
    workers[0]!.silent = true;
    await until(() => reports.length === 1);
    expect(reports[0]!.restored).toBe('file');
    expect(serializeTrace(await api.trace())).toBe(text);
  });

  it('restores an opened trace from the picked file itself (a Blob), read again', async () => {
    const { api, workers, reports } = start();
    const session = new SimSession();
    await session.load(preset('fig5-gates'));
    const text = serializeTrace(await session.trace());
    const opened = await api.openFile(new Blob([text]), 'demo.trace.json');
    expect(opened.ok && opened.kind).toBe('trace');
    workers[0]!.silent = true;
    await until(() => reports.length === 1);
    expect(reports[0]!.restored).toBe('file');
    expect(serializeTrace(await api.trace())).toBe(text);
  });

  it('gives up with a clear message when no new worker answers', async () => {
    const spawned: FakeWorker[] = [];
    const { api } = start({
      spawn: () => {
        const w = new FakeWorker();
        // Every replacement is dead on arrival (say, the worker file cannot load).
        if (spawned.length > 0) w.silent = true;
        spawned.push(w);
        return w;
      },
    });
    await api.load(preset('fig2-native'));
    spawned[0]!.silent = true;
    await expect(api.frameAt(1)).rejects.toThrow(/could not be restarted .*reload the page/);
    expect(spawned).toHaveLength(4); // the first and three attempts
    expect(spawned.every((w) => w.terminated)).toBe(true);
    await expect(api.frameAt(0)).rejects.toThrow(/could not be restarted/);
  });
});

/**
 * A simulation that beats like the Web Worker (sim.worker.ts): from a timer
 * while it works, and that can fire its `error` event.
 */
class BeatingWorker extends FakeWorker {
  private listener: ((signal: WorkerSignal) => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  beating = true;

  listen(listener: (signal: WorkerSignal) => void): void {
    this.listener = listener;
    this.timer = setInterval(() => {
      if (this.beating && !this.terminated) listener({ kind: 'beat', quietMs: 0 });
    }, 20);
  }

  fail(message: string): void {
    this.listener?.({ kind: 'error', message });
  }

  override terminate(): void {
    super.terminate();
    if (this.timer) clearInterval(this.timer);
  }
}

function startBeating(options: Partial<SupervisorOptions> = {}) {
  const workers: BeatingWorker[] = [];
  const reports: RestartReport[] = [];
  // Call limits far beyond the test: only the beats can notice anything in time.
  supervisor = superviseWorker({
    ...FAST,
    quickMs: 60_000,
    slowMs: 60_000,
    heartbeatMs: 60_000,
    beatSilenceMs: 200,
    spawn: () => {
      const w = new BeatingWorker();
      workers.push(w);
      return w;
    },
    ...options,
  });
  supervisor.onRestart((r) => reports.push(r));
  return { api: supervisor.api, workers, reports };
}

describe('a simulation that beats', () => {
  it('dying during a slow load is noticed by its silence, not at the call limit', async () => {
    const { api, workers, reports } = startBeating();
    const first = await api.load(preset('fig2-native'));
    workers[0]!.delays.load = 30_000; // a long load...
    const loading = api.load(preset('storm'));
    await sleep(100);
    workers[0]!.beating = false; // ...during which the worker dies
    workers[0]!.silent = true;
    const started = Date.now();
    await expect(loading).rejects.toThrow(/stopped responding during "load"/);
    expect(Date.now() - started).toBeLessThan(2000);
    await until(() => reports.length === 1);
    expect((await api.trace()).events).toHaveLength(first.eventCount);
  });

  it('a long load that keeps beating is left to finish', async () => {
    const { api, workers, reports } = startBeating();
    await api.load(preset('fig2-native'));
    workers[0]!.delays.load = 700; // more than three times the silence limit
    await api.load(preset('fig4-selective'));
    expect(reports).toEqual([]);
    expect(workers).toHaveLength(1);
  });

  it('a step that announced a quiet time is not taken for a hang', async () => {
    const { api, workers, reports } = startBeating();
    await api.load(preset('fig2-native'));
    workers[0]!.beating = false;
    workers[0]!.delays.lanes = 500;
    const lanes = api.lanes();
    (workers[0] as unknown as { listener: (s: WorkerSignal) => void }).listener({
      kind: 'beat',
      quietMs: 1000,
    });
    await lanes;
    expect(reports).toEqual([]);
  });

  it("the worker's error event restarts it at once and stepping works again", async () => {
    const { api, workers, reports } = startBeating();
    await api.load(preset('fig3-broadcast'));
    const before = await api.frameAt(20);
    workers[0]!.silent = true;
    const step = api.frameAt(20);
    workers[0]!.fail('Uncaught RangeError: Maximum call stack size exceeded');
    expect(await step).toEqual(before);
    expect(reports).toHaveLength(1);
    expect(workers).toHaveLength(2);
  });
});

describe('a long run', () => {
  it('reports its progress and can be cancelled: the previous run comes back', async () => {
    const { api, workers, reports } = startBeating();
    const first = await api.load(preset('fig2-native'));
    const seen: (number | null)[] = [];
    supervisor!.onProgress((p) => seen.push(p === null ? null : p.done / p.of));
    workers[0]!.delays.load = 30_000;
    const loading = api.load(preset('storm'));
    await sleep(50);
    const w = workers[0] as unknown as { listener: (s: WorkerSignal) => void };
    w.listener({ kind: 'beat', quietMs: 0, progress: { done: 250_000, of: 1_000_000 } });
    expect(seen).toEqual([0.25]);
    supervisor!.cancel();
    await expect(loading).rejects.toThrow('"load" was cancelled.');
    await until(() => reports.length === 1);
    expect(reports[0]!.message).toBe('The run was cancelled; the previous run is shown again.');
    expect(seen).toEqual([0.25, null]);
    expect((await api.trace()).events).toHaveLength(first.eventCount);
  });

  it('cancel does nothing while nothing is running', async () => {
    const { api, workers, reports } = startBeating();
    await api.load(preset('fig2-native'));
    supervisor!.cancel();
    await sleep(50);
    expect(reports).toEqual([]);
    expect(workers).toHaveLength(1);
  });
});
