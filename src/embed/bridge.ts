/**
 * The host bridge: the embedded page's side of the message API. It obeys
 * commands from its parent window (see judgeOrigin), runs them one after
 * another on the store, replies to each, and posts events: `ready` once the
 * first run is shown, `step-changed` whenever the frame on screen moves or a
 * new run is shown, `checkpoint` and `completed` from the lesson layer's
 * outcomes, and the sizing messages (see resize.ts).
 *
 * A command that carries a MessagePort hands over a private channel: from
 * then on every event and reply goes through the port, and commands sent on
 * it are obeyed (holding the port is the permission).
 */
import type { AppStore } from '../store';
import type { LessonOutcome } from '../protocol/lesson-outcome';
import { lessonsUnavailable, type LessonLoader } from './lessons';
import { embedEvent, type EmbedEvent } from './events';
import { isEmbedMessage, parseCommand } from './messages';
import { eventTargets, judgeOrigin } from './origin';
import { followOutcomes, type OutcomeSource } from './outcomes';
import { createSizer, type Sizer } from './resize';
import { runCommand } from './run-command';
import { embedStateOf } from './state';
import { completedStatement } from './xapi';

/** The parts of a window the bridge needs (a fake one in tests). */
export interface ParentWindow {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface MessageTarget {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export interface BridgeOptions {
  store: AppStore;
  /** Where messages arrive (the frame's window). */
  self: MessageTarget;
  /** `window.parent`; null when the page is not in a frame. */
  parent: ParentWindow | null;
  /** From the `origin=` flags; empty: any origin. */
  allowedOrigins: readonly string[];
  outcomes: OutcomeSource;
  lessons?: LessonLoader;
  /** The page's address, naming the activity in xAPI statements. */
  pageUrl: string;
  now?: () => Date;
  log?: Pick<Console, 'warn'>;
}

export interface Bridge {
  /** The sizing protocols: the page reports its content height here. */
  sizer: Sizer;
  stop(): void;
}

type Port = Pick<MessagePort, 'postMessage' | 'start' | 'close'> & {
  onmessage: ((event: MessageEvent) => void) | null;
};

export function startEmbedBridge(options: BridgeOptions): Bridge {
  const { store, self, parent, allowedOrigins, outcomes, pageUrl } = options;
  const lessons = options.lessons ?? lessonsUnavailable;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? console;
  let heardFrom: string | null = null;
  let port: Port | null = null;
  let queue: Promise<void> = Promise.resolve();

  const post = (message: unknown, targetOrigin: string) =>
    parent?.postMessage(message, targetOrigin);
  const emit = (event: EmbedEvent) => {
    if (port) port.postMessage(event);
    else for (const origin of eventTargets(allowedOrigins, heardFrom)) post(event, origin);
  };
  const sizer = createSizer({ post, emit, targets: () => eventTargets(allowedOrigins, heardFrom) });

  /** Validates and queues one message already known to come from an obeyed sender. */
  const obey = (data: unknown, reply: (event: EmbedEvent) => void) => {
    const parsed = parseCommand(data);
    if (!parsed.ok) {
      const { id, command, errors } = parsed;
      reply(embedEvent({ type: 'error', id, command, errors }));
      return;
    }
    const { command } = parsed;
    const id = command.id ?? null;
    queue = queue.then(async () => {
      let errors;
      try {
        errors = await runCommand(store, command, lessons);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        errors = [{ path: '$', message: `failed: ${why}` }];
      }
      reply(
        errors.length > 0
          ? embedEvent({ type: 'error', id, command: command.type, errors })
          : embedEvent({
              type: 'reply',
              id,
              command: command.type,
              state: embedStateOf(store.getState()),
            }),
      );
    });
  };

  const adopt = (next: Port) => {
    port?.close();
    port = next;
    next.onmessage = (event) => {
      if (port === next && isEmbedMessage(event.data)) obey(event.data, (e) => next.postMessage(e));
    };
    next.start();
  };

  const onMessage = (event: MessageEvent) => {
    const { data } = event;
    if (parent !== null && event.source === parent && sizer.onParentMessage(data, event.origin))
      return;
    if (!isEmbedMessage(data)) return;
    const verdict = judgeOrigin(event, parent, allowedOrigins);
    if (!verdict.accept) {
      log.warn(`INTx Lab ignored a command because ${verdict.reason}.`);
      return;
    }
    heardFrom = event.origin;
    const handed = event.ports?.[0] as Port | undefined;
    if (handed) adopt(handed);
    const origin = event.origin;
    obey(data, (e) => (port ? port.postMessage(e) : post(e, origin)));
  };
  self.addEventListener('message', onMessage);

  // ready once a run is shown, then step-changed for every frame or run shown after it.
  let ready = false;
  const announce = () => {
    const s = store.getState();
    if (ready || !s.run || !s.frame) return;
    ready = true;
    emit(embedEvent({ type: 'ready', state: embedStateOf(s) }));
  };
  const unsubscribeSteps = store.subscribe((s, prev) => {
    if (!ready) return announce();
    if (s.frame !== prev.frame && (s.frame?.cursor !== prev.frame?.cursor || s.run !== prev.run)) {
      emit(embedEvent({ type: 'step-changed', state: embedStateOf(s) }));
    }
  });
  announce();

  const onOutcome = (outcome: LessonOutcome) => {
    if (outcome.kind === 'checkpoint') {
      const { lessonId, stepId, checkpointId, status, score, maximum } = outcome;
      emit(
        embedEvent({ type: 'checkpoint', lessonId, stepId, checkpointId, status, score, maximum }),
      );
      return;
    }
    const statement = completedStatement(outcome, pageUrl, now());
    const { lessonId, score, maximum } = outcome;
    emit(embedEvent({ type: 'completed', lessonId, score, maximum, statement }));
  };
  const unfollow = followOutcomes(outcomes, onOutcome);
  sizer.start();

  return {
    sizer,
    stop() {
      self.removeEventListener('message', onMessage);
      unsubscribeSteps();
      unfollow();
      port?.close();
    },
  };
}
