/**
 * Upgrades of old documents to the current version, applied before full
 * validation so the schemas only ever describe the newest shape.
 *
 * Each list is numbered by position: entry i upgrades version i + 1 to i + 2.
 * Version 1 is the first, so both lists are empty; the current version of a
 * format is therefore `list.length + 1`.
 */
import { fail, ok, type ParseResult } from './result';

export type JsonObject = Record<string, unknown>;

export interface Migration {
  /** The version this step produces (its position in the list + 2). */
  readonly to: number;
  /** What changed, for the changelog and error messages. */
  readonly note: string;
  /** Returns the upgraded document; must not modify its argument. */
  readonly up: (doc: JsonObject) => JsonObject;
}

export const SCENARIO_MIGRATIONS: readonly Migration[] = [];
export const TRACE_MIGRATIONS: readonly Migration[] = [];

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length + 1;
}

/**
 * Applies the steps from `fromVersion` to the latest version, stamping each
 * result with its new version. A step that throws becomes an error at `$`.
 */
export function migrate(
  doc: JsonObject,
  fromVersion: number,
  migrations: readonly Migration[],
): ParseResult<JsonObject> {
  let current = doc;
  for (let version = fromVersion; version < latestVersion(migrations); version++) {
    const step = migrations[version - 1];
    if (!step || step.to !== version + 1) {
      return fail('$.version', `no upgrade from version ${version} to ${version + 1} is known`);
    }
    try {
      current = { ...step.up(current), version: step.to };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return fail(
        '$',
        `cannot upgrade from version ${version} to ${step.to} (${step.note}): ${detail}`,
      );
    }
  }
  return ok(current);
}
