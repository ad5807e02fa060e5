/** Rules for an id a person types, checked before the edit is made. */
import { LIMITS } from '../trace-io/limits';

/** Why `id` cannot be used for a `kind` ("device", "entity"...), or null if it can. */
export function idProblem(id: string, taken: readonly string[], kind: string): string | null {
  if (id.trim() === '') return `A ${kind} needs a name.`;
  if (id !== id.trim()) return 'No spaces at the start or end, please.';
  if (id.length > LIMITS.idLength) return `At most ${LIMITS.idLength} characters.`;
  if (id === '__proto__') return `"${id}" is reserved.`;
  if (taken.includes(id)) return `Another ${kind} is already called "${id}".`;
  return null;
}
