/**
 * Which messages an embedded copy obeys. Only its parent window may drive it
 * (another frame of the course page, or a pop-up, may not), and when the page
 * was given `origin=` flags only from those origins. Pure, so the rule is tested alone.
 */

export interface MessageOrigin {
  /** `MessageEvent.source`: the window that sent the message. */
  source: unknown;
  /** `MessageEvent.origin`. */
  origin: string;
}

export type OriginVerdict = { accept: true } | { accept: false; reason: string };

export function judgeOrigin(
  message: MessageOrigin,
  parent: unknown,
  allowed: readonly string[],
): OriginVerdict {
  if (parent === null || message.source !== parent) {
    return {
      accept: false,
      reason: `it did not come from the parent window (origin ${message.origin})`,
    };
  }
  if (allowed.length > 0 && !allowed.includes(message.origin)) {
    return {
      accept: false,
      reason: `its origin ${message.origin} is not one of the allowed origins (${allowed.join(', ')})`,
    };
  }
  return { accept: true };
}

/**
 * Where events may be posted: the allowed origins when given (postMessage
 * drops a message whose target origin does not match the parent's); else the
 * origin the parent has written from; else any (a page with no `origin=`
 * flag has said it may be embedded anywhere).
 */
export function eventTargets(allowed: readonly string[], heardFrom: string | null): string[] {
  if (allowed.length > 0) return [...allowed];
  return [heardFrom ?? '*'];
}
