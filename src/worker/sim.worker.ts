/// <reference lib="webworker" />
import { expose } from 'comlink';
import { BEAT_EVERY_MS, createBeat } from './heartbeat';
import { SimSession } from './session';

// The worker is only this adapter: the session is the same class the tests use.
const beat = createBeat(
  (message) => self.postMessage(message),
  () => performance.now(),
);
// Idle, the timer beats; busy, the session's loops do (a timer cannot fire during a loop).
setInterval(() => beat(), BEAT_EVERY_MS * 4);
expose(new SimSession({ beat }));
