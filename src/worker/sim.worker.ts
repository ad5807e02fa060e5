/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import type { Lanes } from '../replay/lanes';
import { BEAT_EVERY_MS, createBeat } from './heartbeat';
import { SimSession } from './session';
import { lanesToSend } from './transferable';

// The worker is only this adapter: the session is the same class the tests use.
const beat = createBeat(
  (message) => self.postMessage(message),
  () => performance.now(),
);
// Idle, the timer beats; busy, the session's loops do (a timer cannot fire during a loop).
setInterval(() => beat(), BEAT_EVERY_MS * 4);

/** The session, with its large typed arrays handed over to the page instead of cloned. */
class WorkerSession extends SimSession {
  override async lanes(): Promise<Lanes> {
    const { lanes, buffers } = lanesToSend(await super.lanes());
    return transfer(lanes, buffers);
  }
}
expose(new WorkerSession({ beat }));
