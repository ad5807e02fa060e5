import { describe, expect, it } from 'vitest';
import {
  latestVersion,
  migrate,
  SCENARIO_MIGRATIONS,
  TRACE_MIGRATIONS,
  type Migration,
} from '../../src/trace-io/migrations';
import { checkVersion, upgradeDocument, type FormatSpec } from '../../src/trace-io/envelope';
import { jsonPath } from '../../src/trace-io/result';
import { errorsOf, valueOf } from './helpers';

/** A made-up version 2 that renamed `policy` to `forwarding`. */
const renamePolicy: Migration = {
  to: 2,
  note: 'policy renamed to forwarding',
  up: ({ policy, ...rest }) => ({ ...rest, forwarding: policy }),
};
const addTag: Migration = { to: 3, note: 'tag added', up: (doc) => ({ ...doc, tag: 'v3' }) };

describe('migrations', () => {
  it('version 1 is the first: both lists are empty', () => {
    expect(SCENARIO_MIGRATIONS).toEqual([]);
    expect(TRACE_MIGRATIONS).toEqual([]);
    expect(latestVersion(SCENARIO_MIGRATIONS)).toBe(1);
  });

  it('applies each injected step in order and stamps the version', () => {
    const original = { format: 'f', version: 1, policy: 'selective' };
    const result = valueOf(migrate(original, 1, [renamePolicy, addTag]));
    expect(result).toEqual({ format: 'f', version: 3, forwarding: 'selective', tag: 'v3' });
    expect(original).toEqual({ format: 'f', version: 1, policy: 'selective' });
    expect(valueOf(migrate({ version: 2, forwarding: 'x' }, 2, [renamePolicy, addTag]))).toEqual({
      version: 3,
      forwarding: 'x',
      tag: 'v3',
    });
  });

  it('is a no-op at the latest version', () => {
    const doc = { version: 1, a: 1 };
    expect(valueOf(migrate(doc, 1, []))).toBe(doc);
  });

  it('turns a failing step into an error instead of throwing', () => {
    const broken: Migration = {
      to: 2,
      note: 'splits lines',
      up: () => {
        throw new Error('lines is not an array');
      },
    };
    expect(errorsOf(migrate({ version: 1 }, 1, [broken]))).toEqual([
      {
        path: '$',
        message: 'cannot upgrade from version 1 to 2 (splits lines): lines is not an array',
      },
    ]);
  });

  it('refuses a misnumbered list', () => {
    expect(errorsOf(migrate({ version: 1 }, 1, [addTag]))[0]?.message).toBe(
      'no upgrade from version 1 to 2 is known',
    );
  });

  it('runs between the version check and validation', () => {
    const spec: FormatSpec = { format: 'f', noun: 'an f', migrations: [renamePolicy] };
    expect(
      valueOf(upgradeDocument({ format: 'f', version: 1, policy: 'p' }, spec, [spec])),
    ).toEqual({ format: 'f', version: 2, forwarding: 'p' });
    expect(errorsOf(checkVersion(3, spec))[0]?.message).toBe(
      'version 3 is newer than this INTx Lab understands (2); update the app',
    );
    expect(errorsOf(upgradeDocument({ format: 'f', version: 3 }, spec, [spec], '$.inner'))).toEqual(
      [
        {
          path: '$.inner.version',
          message: 'version 3 is newer than this INTx Lab understands (2); update the app',
        },
      ],
    );
  });
});

describe('jsonPath', () => {
  it('writes identifiers with dots, indices and other keys with brackets', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['devices', 2, 'owners', 0])).toBe('$.devices[2].owners[0]');
    expect(jsonPath(['entities', 'vm-1', 'busyNs'])).toBe('$.entities["vm-1"].busyNs');
  });
});
