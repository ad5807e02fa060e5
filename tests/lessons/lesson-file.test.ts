import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import broadcastFile from '../../src/lessons/builtin/03-broadcast.json';
import { prepareLesson } from '../../src/lessons';
import { parseAnswersText, parseLessonText } from '../../src/trace-io/lesson-parse';
import { jsonPaths, parentAt, type Json } from '../support/json-paths';
import { errorsOf, expectWellFormedErrors, messageAt, valueOf } from '../trace-io/helpers';

function lessonDoc(): Record<string, unknown> {
  return structuredClone(broadcastFile) as Record<string, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reaches into the document freely
function withChange(change: (doc: any) => void): string {
  const doc = lessonDoc();
  change(doc);
  return JSON.stringify(doc);
}

describe('reading a lesson file', () => {
  it('reads a built-in lesson and fills the defaults', () => {
    const lesson = valueOf(parseLessonText(JSON.stringify(lessonDoc())));
    const cp = lesson.steps[0]!.checkpoints[0]!;
    expect(cp).toMatchObject({ kind: 'predict', tolerance: 0, choices: null });
    expect(lesson.steps[0]!.params).toEqual({
      vms: { min: 2, max: 6 },
      isrs: { min: 2, max: 4 },
      raises: { min: 2, max: 4 },
    });
  });

  it('refuses syntax errors, other formats and newer versions with the usual messages', () => {
    expect(errorsOf(parseLessonText('{"format":'))[0]!.message).toMatch(/invalid JSON/);
    expect(
      messageAt(parseLessonText('{"format":"intx-lab/scenario","version":1}'), '$.format'),
    ).toMatch(/this file is a scenario/);
    expect(messageAt(parseLessonText(withChange((d) => (d.version = 2))), '$.version')).toMatch(
      /newer/,
    );
  });

  it('names the field of a bad checkpoint', () => {
    const text = withChange((d) => (d.steps[0].checkpoints[0].kind = 'guess'));
    expect(messageAt(parseLessonText(text), '$.steps[0].checkpoints[0].kind')).toMatch(/"predict"/);
  });

  it('points inside a value path to the event type that does not exist', () => {
    const text = withChange((d) => (d.steps[0].checkpoints[0].answer.count.type = 'isr.calls'));
    expect(messageAt(parseLessonText(text), '$.steps[0].checkpoints[0].answer.count.type')).toMatch(
      /"isr.call"/,
    );
  });

  it('lists the forms of a value path when none fits', () => {
    const text = withChange(
      (d) => (d.steps[0].checkpoints[0].answer = { sumary: 'totals.spurious' }),
    );
    expect(messageAt(parseLessonText(text), '$.steps[0].checkpoints[0].answer')).toMatch(
      /expected a value path/,
    );
  });

  it('refuses an expected answer written into the lesson', () => {
    const text = withChange((d) => (d.steps[0].checkpoints[0].answer = { const: 3 }));
    expect(messageAt(parseLessonText(text), '$.steps[0].checkpoints[0].answer')).toMatch(
      /computed by the engine, never written in the lesson/,
    );
  });

  it('refuses unknown parameters, unknown presets and duplicate ids', () => {
    const param = withChange((d) => (d.steps[0].scenario.vms = { param: 'vm' }));
    expect(messageAt(parseLessonText(param), '$.steps[0].scenario.vms.param')).toMatch(
      /unknown parameter "vm" \(declared: vms, isrs, raises\)/,
    );
    const preset = withChange((d) => (d.steps[1].scenario.preset = 'fig9'));
    expect(messageAt(parseLessonText(preset), '$.steps[1].scenario.preset')).toMatch(
      /unknown preset "fig9"/,
    );
    const dup = withChange((d) => (d.steps[1].id = 'count'));
    expect(messageAt(parseLessonText(dup), '$.steps[1].id')).toMatch(/duplicate step id "count"/);
  });

  it('reports a path that names nothing in the run when the lesson is prepared, with its JSON path', () => {
    const lesson = valueOf(
      parseLessonText(
        withChange((d) => (d.steps[1].checkpoints[0].answer = { summary: 'totals.spurius' })),
      ),
    );
    const result = prepareLesson(lesson, 1);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]!.path).toBe('$.steps[1].checkpoints[0].answer.summary');
      expect(result.errors[0]!.message).toMatch(/"totals.spurius" names nothing/);
    }
  });

  it('reports a stop at an event that never happens', () => {
    const lesson = valueOf(
      parseLessonText(
        withChange((d) => (d.steps[1].checkpoints[0].stop = { before: { type: 'line.no-edge' } })),
      ),
    );
    const result = prepareLesson(lesson, 1);
    expect(!result.ok && result.errors[0]!.path).toBe('$.steps[1].checkpoints[0].stop.before');
  });

  it('reads an answers file and refuses a bad one', () => {
    const good = {
      format: 'intx-lab/answers',
      version: 1,
      lesson: 'broadcast',
      answers: { count: { a: 3 } },
    };
    expect(valueOf(parseAnswersText(JSON.stringify(good))).seed).toBeNull();
    const bad = { ...good, answers: { count: { a: 'three' } } };
    expect(messageAt(parseAnswersText(JSON.stringify(bad)), '$.answers.count.a')).toMatch(
      /a number/,
    );
  });
});

const replacement = fc.oneof(
  fc.constantFrom<Json>(
    -1,
    0,
    1,
    2.5,
    1e300,
    '',
    'vm1',
    'isr.call',
    'entity.spurious',
    'policy',
    null,
    true,
    [],
    {},
  ),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

describe('fuzz: bad lesson files get clear refusals', () => {
  it('mutated lessons are read or refused with paths, and prepared or refused with paths, never a crash', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), replacement, fc.boolean()), { minLength: 1, maxLength: 3 }),
        (mutations) => {
          const doc = lessonDoc() as Json;
          for (const [pick, value, remove] of mutations) {
            const all = jsonPaths(doc);
            const { parent, key } = parentAt(doc, all[pick % all.length]!);
            if (remove && !Array.isArray(parent)) delete parent[key];
            else parent[key] = value;
          }
          const result = parseLessonText(JSON.stringify(doc), 'lesson.json');
          if (!result.ok) {
            expectWellFormedErrors(result.errors);
            return;
          }
          const prepared = prepareLesson(result.value, 3);
          if (!prepared.ok) expectWellFormedErrors(prepared.errors);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random JSON and random text are refused, never thrown', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
          fc.string(),
        ),
        (text) => {
          const result = parseLessonText(text);
          if (!result.ok) expectWellFormedErrors(result.errors);
          const answers = parseAnswersText(text);
          if (!answers.ok) expectWellFormedErrors(answers.errors);
        },
      ),
      { numRuns: 500 },
    );
  });
});
