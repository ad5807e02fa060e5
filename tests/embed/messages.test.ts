import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commandSchema,
  EMBED_PROTOCOL,
  EMBED_VERSION,
  isEmbedMessage,
  parseCommand,
} from '../../src/embed/messages';

const H = { protocol: EMBED_PROTOCOL, version: EMBED_VERSION } as const;

describe('embed commands', () => {
  it('accepts every command of version 1', () => {
    const commands = [
      { ...H, type: 'load', source: { kind: 'preset', name: 'fig2-native' } },
      { ...H, type: 'load', source: { kind: 'scenario', scenario: { format: 'x' } } },
      { ...H, type: 'load', source: { kind: 'trace', trace: {} } },
      { ...H, type: 'load', source: { kind: 'lesson', lesson: { id: 'l1' } } },
      { ...H, type: 'seek', cursor: 0, id: 'a' },
      { ...H, type: 'step' },
      { ...H, type: 'step', by: -3, unit: 'interrupt', id: 7 },
      { ...H, type: 'play' },
      { ...H, type: 'pause' },
      { ...H, type: 'get-state' },
      { ...H, type: 'reset' },
    ];
    for (const c of commands)
      expect(parseCommand(c), JSON.stringify(c)).toEqual({ ok: true, command: c });
  });

  it('names the JSON path and the problem, and keeps the id for the reply', () => {
    expect(parseCommand({ ...H, type: 'seek', cursor: -1, id: 'x' })).toEqual({
      ok: false,
      id: 'x',
      command: 'seek',
      errors: [{ path: '$.cursor', message: 'must be at least 0 (got -1)' }],
    });
    expect(parseCommand({ ...H, type: 'step', by: 1.5 })).toMatchObject({
      errors: [{ path: '$.by', message: 'expected an integer, got 1.5' }],
    });
    expect(
      parseCommand({ ...H, type: 'load', source: { kind: 'scenario', scenario: 3 } }),
    ).toMatchObject({
      command: 'load',
      errors: [{ path: '$.source.scenario', message: 'expected an object, got 3' }],
    });
  });

  it('lists the allowed values of a bad type or source kind', () => {
    const type = parseCommand({ ...H, type: 'rewind' });
    expect(type).toMatchObject({ ok: false, command: null, errors: [{ path: '$.type' }] });
    if (!type.ok) expect(type.errors[0]!.message).toMatch(/"load", "seek", .* \(got "rewind"\)/);
    const kind = parseCommand({ ...H, type: 'load', source: {} });
    expect(kind).toMatchObject({ errors: [{ path: '$.source.kind' }] });
    if (!kind.ok)
      expect(kind.errors[0]!.message).toMatch(
        /"scenario", "trace", "lesson", "preset" \(it is missing\)/,
      );
  });

  it('refuses a newer version by name', () => {
    expect(parseCommand({ ...H, version: 2, type: 'play' })).toMatchObject({
      errors: [
        { path: '$.version', message: expect.stringMatching(/version 2 is newer.*version 1/) },
      ],
    });
  });

  it('tells its own messages from other traffic', () => {
    expect(isEmbedMessage({ ...H, type: 'play' })).toBe(true);
    expect(isEmbedMessage({ context: 'h5p', action: 'hello' })).toBe(false);
    expect(isEmbedMessage('{"protocol":"intx-lab/embed"}')).toBe(false);
    expect(isEmbedMessage(null)).toBe(false);
  });

  it('never throws, and every error names a JSON path (fuzzed)', () => {
    const anyMessage = fc.oneof(
      fc.anything(),
      fc.record({
        protocol: fc.constant(EMBED_PROTOCOL),
        version: fc.anything(),
        type: fc.anything(),
      }),
      fc.dictionary(fc.string(), fc.jsonValue()).map((extra) => ({ ...H, ...extra })),
    );
    fc.assert(
      fc.property(anyMessage, (data) => {
        const parsed = parseCommand(data);
        if (parsed.ok) {
          expect(commandSchema.safeParse(data).success).toBe(true);
        } else {
          expect(parsed.errors.length).toBeGreaterThan(0);
          for (const e of parsed.errors) {
            expect(e.path).toMatch(/^\$/);
            expect(e.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts any well-formed seek and step, and rejects any non-integer cursor (fuzzed)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: -1000, max: 1000 }), (cursor, by) => {
        expect(parseCommand({ ...H, type: 'seek', cursor }).ok).toBe(true);
        expect(parseCommand({ ...H, type: 'step', by }).ok).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noInteger: true }), fc.string(), fc.boolean(), fc.constant(null)),
        (cursor) => {
          const parsed = parseCommand({ ...H, type: 'seek', cursor });
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) expect(parsed.errors.map((e) => e.path)).toEqual(['$.cursor']);
        },
      ),
    );
  });
});
