import { useEffect, useRef, useState } from 'react';

/**
 * What a query is about, compared element by element (like a hook's
 * dependencies): `[run]`, `[run, from]`, `[scenario, t]`.
 */
export type QueryKey = readonly unknown[];

/** An answer, with the key it answers: a caller can tell an answer of an older key. */
export interface Answer<K extends QueryKey, T> {
  key: K;
  value: T;
}

export interface LatestAnswer<K extends QueryKey, T> {
  /** The newest answer taken (it stays while the next key's answer is on its way). */
  answer: Answer<K, T> | null;
  /** The newest request's failure; cleared by its next answer. */
  error: string | null;
}

export interface LatestAnswerOptions {
  /**
   * At most one request in flight, for costly queries: keys wanted meanwhile
   * collapse into the newest, asked once the answer is in, and that answer is
   * still shown (a table that keeps up with a moving cursor). Without it every
   * key is asked at once and only the newest request's answer is taken.
   */
  oneAtATime?: boolean;
  /** Where every failure goes, once, as one sentence (besides `error`). */
  onError?: (message: string) => void;
}

function sameKey(a: QueryKey | null, b: QueryKey | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * "Latest answer wins" for a query across the simulation boundary. Each new
 * key (element by element) asks again; an answer to a request older than the
 * newest, or arriving after the key went to null or the component unmounted,
 * is dropped, so a slow answer never overwrites a newer one. `key` may be
 * computed from the answer held (a window asked for only when the held one no
 * longer covers the cursor). `ask` and `options` may change every render.
 */
export function useLatestAnswer<K extends QueryKey, T>(
  key: K | null | ((held: Answer<K, T> | null) => K | null),
  ask: (key: K) => Promise<T>,
  options: LatestAnswerOptions = {},
): LatestAnswer<K, T> {
  const [state, setState] = useState<LatestAnswer<K, T>>({ answer: null, error: null });
  const wantedNow = typeof key === 'function' ? key(state.answer) : key;
  // One identity per distinct key, so the effect below runs once per key.
  const [wanted, setWanted] = useState<K | null>(wantedNow);
  if (!sameKey(wanted, wantedNow)) setWanted(wantedNow);

  const latest = useRef({ ask, options });
  useEffect(() => {
    latest.current = { ask, options };
  });
  /** Number of the newest request (or of the moment the key went away). */
  const newest = useRef(0);
  const inFlight = useRef(false);
  const queued = useRef<K | null>(null);

  useEffect(() => {
    const send = (k: K): void => {
      const ticket = ++newest.current;
      inFlight.current = true;
      const taken = () => ticket === newest.current;
      let answer: Promise<T>;
      try {
        answer = latest.current.ask(k);
      } catch (error) {
        answer = Promise.reject(error);
      }
      answer
        .then(
          (value) => {
            if (taken()) setState({ answer: { key: k, value }, error: null });
          },
          (error: unknown) => {
            if (!taken()) return;
            const message = messageOf(error);
            setState((s) => ({ ...s, error: message }));
            latest.current.options.onError?.(message);
          },
        )
        .finally(() => {
          if (ticket !== newest.current && latest.current.options.oneAtATime) return;
          inFlight.current = false;
          const next = queued.current;
          queued.current = null;
          if (next !== null) send(next);
        });
    };
    if (wanted === null) {
      // Nothing to ask: what is on its way answers a key no longer wanted.
      queued.current = null;
      newest.current += 1;
      inFlight.current = false;
      return undefined;
    }
    if (latest.current.options.oneAtATime && inFlight.current) queued.current = wanted;
    else send(wanted);
    return undefined;
  }, [wanted]);

  useEffect(
    () => () => {
      // Unmounted: no answer may set state, and nothing queued is asked. (A remount,
      // as under StrictMode, asks again at once: what was in flight no longer counts.)
      newest.current += 1;
      queued.current = null;
      inFlight.current = false;
    },
    [],
  );
  return state;
}
