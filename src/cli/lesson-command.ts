/**
 * `--lesson`, `--list-lessons`: grade a student's answers file, print the
 * reference answers, or list the built-in lessons. The score is one JSON
 * document on standard output; the exit code is 1 when any checkpoint fails,
 * so a teacher's script can grade a class.
 */
import { findLesson, grade, LESSONS, prepareLesson, solution, type Lesson } from '../lessons';
import { formatError, type ParseResult } from '../trace-io';
import { parseAnswersText, parseLessonText } from '../trace-io/lesson-parse';
import type { CliOptions } from './args';
import type { CliIo } from './run';

function readText(io: CliIo, file: string): string | null {
  try {
    return io.readText(file);
  } catch (e) {
    io.stderr(`${file}: $: cannot read the file (${(e as Error).message})\n`);
    return null;
  }
}

function report<T>(io: CliIo, file: string, result: ParseResult<T>): T | null {
  if (result.ok) return result.value;
  for (const err of result.errors) io.stderr(`${formatError(file, err)}\n`);
  return null;
}

/** A built-in lesson by name, else a lesson file. */
function loadLesson(io: CliIo, nameOrFile: string): Lesson | null {
  const builtin = findLesson(nameOrFile);
  if (builtin) return builtin;
  const text = readText(io, nameOrFile);
  if (text === null) {
    io.stderr(
      `sim: "${nameOrFile}" is not a built-in lesson either; known: ${LESSONS.map((l) => l.id).join(', ')}\n`,
    );
    return null;
  }
  return report(io, nameOrFile, parseLessonText(text, nameOrFile));
}

export function runLessonCommand(o: CliOptions, io: CliIo): number {
  if (o.listLessons) {
    for (const lesson of LESSONS) io.stdout(`${lesson.id.padEnd(18)} ${lesson.title}\n`);
    return 0;
  }
  const source = o.lesson as string;
  const lesson = loadLesson(io, source);
  if (!lesson) return 1;

  let answers = null;
  if (o.answers !== null) {
    const text = readText(io, o.answers);
    if (text === null) return 1;
    answers = report(io, o.answers, parseAnswersText(text, o.answers));
    if (!answers) return 1;
    if (answers.lesson !== lesson.id) {
      io.stderr(
        `${formatError(o.answers, { path: '$.lesson', message: `answers lesson "${answers.lesson}", but the lesson is "${lesson.id}"` })}\n`,
      );
      return 1;
    }
  }
  // The seed of the command line wins; else the one the answers were given for.
  const seed = o.seed ?? answers?.seed ?? 1;
  const prepared = report(io, source, prepareLesson(lesson, seed));
  if (!prepared) return 1;
  if (!answers) {
    io.stdout(`${JSON.stringify(solution(prepared), null, 2)}\n`);
    return 0;
  }
  const score = grade(prepared, answers);
  io.stdout(`${JSON.stringify(score, null, 2)}\n`);
  return score.passed ? 0 : 1;
}
