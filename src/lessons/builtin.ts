/**
 * The built-in lessons, each a plain lesson file in builtin/ that a teacher
 * could have written, read through the same parser as an opened file.
 */
import { formatError } from '../trace-io/result';
import { readLessonValue } from '../trace-io/lesson-parse';
import type { Lesson } from './model';
import nativeChain from './builtin/01-native-chain.json';
import gates from './builtin/02-gates.json';
import broadcast from './builtin/03-broadcast.json';
import selective from './builtin/04-selective.json';
import eoiRace from './builtin/05-eoi-race.json';
import edgeLoss from './builtin/06-edge-loss.json';
import legacy from './builtin/07-legacy.json';
import scaling from './builtin/08-scaling.json';

const FILES: readonly [string, unknown][] = [
  ['01-native-chain.json', nativeChain],
  ['02-gates.json', gates],
  ['03-broadcast.json', broadcast],
  ['04-selective.json', selective],
  ['05-eoi-race.json', eoiRace],
  ['06-edge-loss.json', edgeLoss],
  ['07-legacy.json', legacy],
  ['08-scaling.json', scaling],
];

function read([file, doc]: readonly [string, unknown]): Lesson {
  const result = readLessonValue(doc);
  // A built-in lesson that does not read is a bug of this build: say which and where.
  if (!result.ok) throw new Error(result.errors.map((e) => formatError(file, e)).join('\n'));
  return result.value;
}

/** Every built-in lesson, in teaching order. */
export const LESSONS: readonly Lesson[] = FILES.map(read).sort((a, b) => a.order - b.order);

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
