/**
 * A lesson that reads well but cannot be run as written (a path that gives no
 * number, an event that never happens). Thrown inside this folder and turned
 * into a FormatError with its JSON path at the edge (`prepareLesson`).
 */
export class LessonError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'LessonError';
  }
}

/** `$.steps[0]` + `.scenario.patch` style joins of JSON paths. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)
    ? `${path}.${key}`
    : `${path}[${JSON.stringify(key)}]`;
}
