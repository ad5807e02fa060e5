import { describe, expect, it } from 'vitest';
import { CALLS, callKind, type Method } from '../../src/client/calls';
import { SimSession } from '../../src/worker/session';

/** The methods a session answers: what the worker exposes through comlink. */
function sessionMethods(): string[] {
  return Object.getOwnPropertyNames(SimSession.prototype)
    .filter((name) => name !== 'constructor')
    .filter(
      (name) =>
        typeof Object.getOwnPropertyDescriptor(SimSession.prototype, name)?.value === 'function',
    )
    .sort();
}

describe('the call table', () => {
  it('names every method the session answers, and nothing else', () => {
    // The type says every protocol method is in the table; this says the worker's
    // session answers no method that the table lacks (it would go without a limit).
    // The session's own helpers, not part of SimApi (private, or for measurements):
    const helpers = ['bytesPerEvent', 'keep', 'keepTrace', 'requireRecord'];
    expect(Object.keys(CALLS).sort()).toEqual(
      sessionMethods().filter((name) => !helpers.includes(name)),
    );
  });

  it('keeps the quick calls those that answer in milliseconds once the run is folded', () => {
    const quick = (Object.keys(CALLS) as Method[]).filter((m) => callKind(m) === 'quick').sort();
    expect(quick).toEqual(['cursorAtTime', 'events', 'frameAt', 'framesAt', 'summaryAt']);
  });
});
