import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** The path of a dump written for these tests from the documented formats. */
export const fixturePath = (name: string): string => join(DIR, name);

export const fixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');
