/**
 * Telling the course page how tall the frame's content is, in the three ways
 * learning platforms listen for, so the frame fits without a server:
 *
 * - this API's own `height-changed` event;
 * - Canvas LMS: `{"subject":"lti.frameResize","height":N}` as a JSON string
 *   (Canvas resizes the tool's iframe to N pixels);
 * - H5P's resizer (h5p-resizer.js, used by Moodle, WordPress and Drupal to size
 *   H5P frames): the frame says `hello`; once the host answers `hello`, each
 *   change is `prepareResize {scrollHeight, clientHeight}`, the host shrinks
 *   the iframe and answers `resizePrepared`, then the frame sends `resize
 *   {scrollHeight}`. A host `ready` asks for a new `hello`; a host `resize`
 *   (its window changed) asks for a new measurement.
 *
 * No DOM here: the caller measures and posts, so the protocol is tested alone.
 */
import { embedEvent, type EmbedEvent } from './events';

export const H5P_CONTEXT = 'h5p';
export const CANVAS_RESIZE_SUBJECT = 'lti.frameResize';

/** One message to the parent window; `targetOrigin` is postMessage's second argument. */
export type PostToParent = (message: unknown, targetOrigin: string) => void;

export interface SizerOptions {
  post: PostToParent;
  /** Where this API's events go (see eventTargets). */
  targets(): readonly string[];
  /** This API's events (`height-changed`), which may go to an adopted MessagePort instead. */
  emit(event: EmbedEvent): void;
}

export interface Sizer {
  /** Says hello to an H5P host (call once at start). */
  start(): void;
  /** The content is now `height` CSS pixels tall; repeated heights are not sent again. */
  heightChanged(height: number): void;
  /** Handles an H5P message from the parent; false when the message is not H5P's. */
  onParentMessage(data: unknown, origin: string): boolean;
}

interface H5pMessage {
  context: typeof H5P_CONTEXT;
  action: string;
}

function isH5p(data: unknown): data is H5pMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as Record<string, unknown>)['context'] === H5P_CONTEXT &&
    typeof (data as Record<string, unknown>)['action'] === 'string'
  );
}

/** The Canvas message: a string, which every Canvas version reads. */
export function canvasResizeMessage(height: number): string {
  return JSON.stringify({ subject: CANVAS_RESIZE_SUBJECT, height });
}

export function createSizer({ post, targets, emit }: SizerOptions): Sizer {
  let height: number | null = null;
  /** The origin of the H5P host once it answered hello (its replies come from there). */
  let h5pHost: string | null = null;

  const h5p = (action: string, data: Record<string, number> = {}, origin = h5pHost ?? '*') =>
    post({ context: H5P_CONTEXT, action, ...data }, origin);

  const prepare = () => {
    if (h5pHost === null || height === null) return;
    h5p('prepareResize', { scrollHeight: height, clientHeight: height });
  };

  return {
    start() {
      h5p('hello');
    },

    heightChanged(next) {
      const rounded = Math.ceil(next);
      if (!Number.isFinite(rounded) || rounded <= 0 || rounded === height) return;
      height = rounded;
      emit(embedEvent({ type: 'height-changed', height }));
      for (const origin of targets()) post(canvasResizeMessage(height), origin);
      prepare();
    },

    onParentMessage(data, origin) {
      if (!isH5p(data)) return false;
      switch (data.action) {
        case 'ready':
          h5p('hello', {}, origin);
          break;
        case 'hello':
          h5pHost = origin;
          prepare();
          break;
        case 'resizePrepared':
          if (height !== null && h5pHost !== null) h5p('resize', { scrollHeight: height });
          break;
        case 'resize':
          prepare();
          break;
        default:
          break;
      }
      return true;
    },
  };
}
