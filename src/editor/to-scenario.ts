/**
 * The only way out of the editor: the draft goes through the same validation
 * as a scenario file (`normalizeScenario` in trace-io), so the editor can never
 * hand the engine something a file could not contain.
 */
import type { Scenario } from '../engine/scenario';
import { normalizeScenario, type ParseResult } from '../trace-io';
import type { Draft } from './draft';

export function toScenario(draft: Draft): ParseResult<Scenario> {
  // A JSON round trip drops anything a file could not carry (undefined, functions).
  return normalizeScenario(JSON.parse(JSON.stringify(draft)) as unknown);
}
