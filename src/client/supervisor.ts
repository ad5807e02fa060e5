import type { Scenario } from '../engine/scenario';
import type { Trace } from '../engine/trace-types';
import type { OpenFileResult, SimApi } from '../protocol/api';
import { isBytes } from '../worker/file-source';
import type { RunProgress } from '../worker/heartbeat';
import { apiOf, callKind, type Method } from './calls';

/** What a worker says outside its answers: a heartbeat (see heartbeat.ts), or that it failed. */
export type WorkerSignal =
  | { kind: 'beat'; quietMs: number; progress?: RunProgress | null }
  | { kind: 'error'; message: string };

/** A running simulation and how to stop it (a Web Worker, or a fake in tests). */
export interface WorkerHandle {
  api: SimApi;
  terminate(): void;
  /** Heartbeats and `error` events, when the simulation sends them (the Web Worker does). */
  listen?(listener: (signal: WorkerSignal) => void): void;
}

export interface SupervisorOptions {
  /** Starts a fresh simulation (createWorkerHandle in the app). */
  spawn(): WorkerHandle;
  /** An already started simulation to watch first (default: spawn one). */
  initial?: WorkerHandle;
  /** Longest silence allowed while only quick calls (a frame, events, a summary) wait. */
  quickMs?: number;
  /**
   * Longest silence allowed while a load-like call waits (running or opening a
   * big scenario, exporting): generous, so long legitimate work is never taken for a hang.
   */
  slowMs?: number;
  /** When idle, check the simulation answers this often (a closed worker sends no event). */
  heartbeatMs?: number;
  /** How long an idle check may take. */
  pingTimeoutMs?: number;
  /** Opened files up to this size are copied so a restart can open them again. */
  keepFileBytes?: number;
  /**
   * Longest silence (no answer, no heartbeat) while calls wait, for a
   * simulation that beats: it beats from inside long work, so this is short.
   */
  beatSilenceMs?: number;
}

export interface RestartReport {
  /** What was loaded again into the new simulation. */
  restored: 'scenario' | 'trace' | 'file' | 'file-scenario' | 'nothing';
  /** One sentence for the page. */
  message: string;
}

export interface Supervisor {
  /** The simulation API: every call survives a restart (quick calls are retried once). */
  api: SimApi;
  /** Called after each restart, once the last run is loaded again. Returns an unsubscribe. */
  onRestart(listener: (report: RestartReport) => void): () => void;
  /** Restarts done so far. */
  restarts(): number;
  /** Hears how far a long run has come (null when it is over). Returns an unsubscribe. */
  onProgress(listener: (progress: RunProgress | null) => void): () => void;
  /**
   * Cancels what the simulation is doing (a long run): the worker is replaced
   * and the last run loaded again; the cancelled call is rejected.
   */
  cancel(): void;
  /** Stops the simulation and the watchdog for good. */
  terminate(): void;
}

/** What a new simulation must load to hold the same run as the old one. */
type LastRun =
  | { kind: 'scenario'; scenario: Scenario }
  | { kind: 'trace'; trace: Trace }
  | { kind: 'file'; bytes: ArrayBuffer | Blob; fileName: string }
  | { kind: 'file-scenario'; scenario: Scenario };

interface Pending {
  method: Method;
  args: unknown[];
  limit: number;
  internal: boolean;
  retried: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const RESTORED_MESSAGE: Record<RestartReport['restored'], string> = {
  scenario:
    'The simulation stopped responding and was restarted; your scenario and position were restored.',
  trace:
    'The simulation stopped responding and was restarted; your trace and position were restored.',
  file: 'The simulation stopped responding and was restarted; your opened file and position were restored.',
  'file-scenario':
    'The simulation stopped responding and was restarted; the opened trace was too large to keep a copy, ' +
    'so its scenario was simulated again and your position restored.',
  nothing: 'The simulation stopped responding and was restarted.',
};

const CANCELLED_MESSAGE = 'The run was cancelled; the previous run is shown again.';

/** Restarts tried in a row before giving up (a worker that cannot even start). */
const MAX_ATTEMPTS = 3;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what}: no answer within ${ms / 1000} s`)),
      ms,
    );
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * Watches the simulation and replaces it when it dies or hangs. A hang is
 * silence: while calls wait, no answer for longer than the most generous limit
 * of what is waiting (answers come in order, so a frame queued behind a long
 * load gets the load's limit). While idle, a cheap call every heartbeat proves
 * it is alive, since a worker that closed itself fires no event. On a restart
 * the last run is loaded again (the engine is deterministic, so it is the same
 * run) and the listeners re-show the cursor: nothing the person did is lost.
 */
export function superviseWorker(options: SupervisorOptions): Supervisor {
  const quickMs = options.quickMs ?? 15_000;
  const slowMs = options.slowMs ?? 180_000;
  const heartbeatMs = options.heartbeatMs ?? 2_000;
  const pingTimeoutMs = options.pingTimeoutMs ?? 5_000;
  const keepFileBytes = options.keepFileBytes ?? 64 * 1024 * 1024;
  const beatSilenceMs = options.beatSilenceMs ?? 5_000;

  let current = options.initial ?? options.spawn();
  let pending = new Set<Pending>();
  let lastProgress = Date.now();
  let lastRun: LastRun | null = null;
  let ready: Promise<void> = Promise.resolve();
  let restarting = false;
  let broken: string | null = null;
  let stopped = false;
  let restartCount = 0;
  const listeners = new Set<(report: RestartReport) => void>();
  const progressListeners = new Set<(progress: RunProgress | null) => void>();
  let showingProgress = false;
  const tellProgress = (p: RunProgress | null) => {
    if (p === null && !showingProgress) return;
    showingProgress = p !== null;
    for (const l of progressListeners) l(p);
  };
  // Heartbeats of the current simulation: once one came, silence is judged by them.
  let beats = false;
  let lastBeat = 0;
  let quietUntil = 0;

  function watch(handle: WorkerHandle): void {
    beats = false;
    quietUntil = 0;
    handle.listen?.((signal) => {
      if (handle !== current || stopped) return;
      if (signal.kind === 'error') {
        // The worker's own error event: no need to wait for any time limit.
        restart();
        return;
      }
      beats = true;
      lastBeat = Date.now();
      quietUntil = Math.max(quietUntil, lastBeat + signal.quietMs);
      if (signal.progress && pending.size > 0) tellProgress(signal.progress);
    });
  }
  watch(current);

  function remember(
    method: Method,
    args: unknown[],
    value: unknown,
    fileCopy: ArrayBuffer | Blob | null,
  ) {
    if (method === 'load') lastRun = { kind: 'scenario', scenario: args[0] as Scenario };
    else if (method === 'loadTrace') lastRun = { kind: 'trace', trace: args[0] as Trace };
    else if (method === 'openFile') {
      const result = value as OpenFileResult;
      // Only an opened trace replaces the run; an opened scenario is run by a later load.
      if (result.ok && result.kind === 'trace') {
        lastRun = fileCopy
          ? { kind: 'file', bytes: fileCopy, fileName: result.file }
          : { kind: 'file-scenario', scenario: result.run.scenario };
      }
    }
  }

  function send(entry: Pending): void {
    const handle = current;
    if (pending.size === 0) lastProgress = Date.now();
    pending.add(entry);
    let fileCopy: ArrayBuffer | Blob | null = null;
    if (entry.method === 'openFile') {
      // Copied before sending: the caller may transfer (detach) the original. A Blob
      // cannot change: it is kept as it is.
      const source = entry.args[0] as ArrayBuffer | Blob;
      if (isBytes(source)) {
        if (source.byteLength <= keepFileBytes) fileCopy = source.slice(0);
      } else if (source.size <= keepFileBytes) fileCopy = source;
    }
    let answer: Promise<unknown>;
    try {
      // A member call, not `method.apply(...)`: on a comlink proxy `.apply` is a remote property.
      const target = handle.api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      answer = Promise.resolve(target[entry.method]!(...entry.args));
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(
      (value) => {
        if (!pending.delete(entry) || handle !== current) return;
        if (entry.method === 'load') tellProgress(null);
        lastProgress = Date.now();
        remember(entry.method, entry.args, value, fileCopy);
        entry.resolve(value);
      },
      (error: unknown) => {
        if (!pending.delete(entry) || handle !== current) return;
        if (entry.method === 'load') tellProgress(null);
        lastProgress = Date.now();
        entry.reject(error);
      },
    );
  }

  function call(method: Method, args: unknown[], internal = false): Promise<unknown> {
    if (stopped) return Promise.reject(new Error('The simulation was stopped.'));
    return new Promise((resolve, reject) => {
      const entry: Pending = {
        method,
        args,
        limit: internal ? pingTimeoutMs : callKind(method) === 'quick' ? quickMs : slowMs,
        internal,
        retried: false,
        resolve,
        reject,
      };
      void whenReady().then(() => {
        if (broken !== null) reject(new Error(broken));
        else send(entry);
      });
    });
  }

  /** Resolves once no restart is under way (one may start while a call waits to be sent). */
  async function whenReady(): Promise<void> {
    for (;;) {
      const r = ready;
      await r;
      if (r === ready && !restarting) return;
    }
  }

  async function reload(handle: WorkerHandle, run: LastRun | null): Promise<void> {
    await withTimeout(handle.api.cursorAtTime(0), pingTimeoutMs, 'the new simulation');
    if (!run) return;
    const api = handle.api;
    const loading: Promise<unknown> =
      run.kind === 'scenario' || run.kind === 'file-scenario'
        ? api.load(run.scenario)
        : run.kind === 'trace'
          ? api.loadTrace(run.trace)
          : api.openFile(isBytes(run.bytes) ? run.bytes.slice(0) : run.bytes, run.fileName);
    await withTimeout(loading, slowMs, 'reloading the run');
  }

  function restart(why: 'hang' | 'cancel' = 'hang'): void {
    if (restarting || stopped) return;
    tellProgress(null);
    restarting = true;
    restartCount += 1;
    current.terminate();
    const abandoned = [...pending];
    pending = new Set();
    const run = lastRun;
    ready = (async () => {
      let lastError = '';
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        try {
          current = options.spawn();
          watch(current);
          await reload(current, run);
          return;
        } catch (error) {
          current.terminate();
          lastError = error instanceof Error ? error.message : String(error);
        }
      }
      broken = `The simulation stopped and could not be restarted (${lastError}); reload the page.`;
    })();
    void ready.then(() => {
      restarting = false;
      lastProgress = Date.now();
      for (const entry of abandoned) {
        if (entry.internal) entry.resolve(undefined);
        else if (broken !== null) entry.reject(new Error(broken));
        else if (callKind(entry.method) === 'quick' && !entry.retried) {
          entry.retried = true;
          send(entry);
        } else {
          entry.reject(
            new Error(
              why === 'cancel'
                ? `"${entry.method}" was cancelled.`
                : `The simulation stopped responding during "${entry.method}" and was restarted; that request was cancelled.`,
            ),
          );
        }
      }
      if (broken !== null) return;
      const restored = run?.kind ?? 'nothing';
      const message = why === 'cancel' ? CANCELLED_MESSAGE : RESTORED_MESSAGE[restored];
      const report: RestartReport = { restored, message };
      for (const listener of listeners) listener(report);
    });
  }

  let lastPing = Date.now();
  const tick = setInterval(
    () => {
      if (restarting || broken !== null) return;
      const now = Date.now();
      if (pending.size > 0) {
        if (beats) {
          // It beats even in long work: silence past a few seconds (or past what it
          // announced for a step that cannot beat) is a hang or a death.
          const heard = Math.max(lastProgress, lastBeat);
          if (now - heard > beatSilenceMs && now > quietUntil) restart();
          return;
        }
        let limit = 0;
        for (const entry of pending) limit = Math.max(limit, entry.limit);
        if (now - lastProgress > limit) restart();
        return;
      }
      if (now - lastPing >= heartbeatMs) {
        lastPing = now;
        void call('cursorAtTime', [0], true);
      }
    },
    Math.max(10, Math.min(250, quickMs / 4, pingTimeoutMs / 4, heartbeatMs / 2)),
  );

  // One function per method of the protocol's table: each call gets its kind's time limit.
  const api = apiOf(
    (method) =>
      (...args) =>
        call(method, args),
  );

  return {
    api,
    onRestart(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    restarts: () => restartCount,
    onProgress(listener) {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
    cancel() {
      if (pending.size > 0) restart('cancel');
    },
    terminate() {
      stopped = true;
      clearInterval(tick);
      current.terminate();
      for (const entry of pending) entry.reject(new Error('The simulation was stopped.'));
      pending.clear();
    },
  };
}
