import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Each boundary rule of eslint.boundaries.js, run through the project's own
// ESLint configuration on a deliberately wrong import at a path in the folder
// it governs (the file need not exist), next to the allowed form of the same
// import, so a rule that stops firing, or fires on what it should allow, fails here.

const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

/**
 * The pure folders as tsconfig.pure.json lists them (it compiles them without
 * the DOM library), so a folder added there and not to the lint's list fails below.
 */
const PURE_FOLDERS: string[] = (
  JSON.parse(readFileSync(`${root}/tsconfig.pure.json`, 'utf8').replace(/^\s*\/\/.*$/gm, '')) as {
    include: string[];
  }
).include.map((path) => path.replace(/^src\//, ''));

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The problems ESLint reports for `code` as if it were the file at `filePath`. */
async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages;
}

/** One import of `name` from `from`, used so that only the boundary rule can object. */
function importing(from: string, name = 'x', typeOnly = false): string {
  const use = typeOnly ? name : `typeof ${name}`;
  return `import ${typeOnly ? 'type ' : ''}{ ${name} } from '${from}';\nexport type T = ${use};\n`;
}

async function expectRefused(filePath: string, code: string, ruleId: string, phrase: string) {
  const messages = await lint(filePath, code);
  expect(messages.map((m) => m.ruleId)).toEqual([ruleId]);
  expect(messages[0]!.message).toContain(phrase);
}

async function expectAllowed(filePath: string, code: string) {
  expect(await lint(filePath, code)).toEqual([]);
}

const IMPORTS = '@typescript-eslint/no-restricted-imports';
const GLOBALS = 'no-restricted-globals';

describe('views and the app shell', () => {
  it('refuse an engine value and allow an engine type', async () => {
    const file = 'src/views/graph/wrong.ts';
    await expectRefused(file, importing('../../engine/topology', 'runEntities'), IMPORTS, 'engine');
    await expectAllowed(file, importing('../../engine/scenario', 'Scenario', true));
    await expectAllowed(file, importing('../../definitions', 'runEntities'));
  });

  it('refuse an inline value next to inline types from the engine', async () => {
    const code = `import { DEFAULT_COSTS, type BaseCosts } from '../../engine/scenario';\nexport const c: BaseCosts = DEFAULT_COSTS;\n`;
    await expectRefused('src/views/editor/wrong.tsx', code, IMPORTS, 'engine');
  });

  it('refuse values from the engine-backed analysis modules, not from engine-free', async () => {
    const file = 'src/views/compare/wrong.ts';
    await expectRefused(file, importing('../../analysis', 'Comparer'), IMPORTS, 'engine-free');
    await expectRefused(
      file,
      importing('../../analysis/metrics-run', 'runMetrics'),
      IMPORTS,
      'run the engine',
    );
    await expectAllowed(file, importing('../../analysis', 'Comparison', true));
    await expectAllowed(file, importing('../../analysis/engine-free', 'VARIANTS'));
  });

  it('refuse worker/*, even for types', async () => {
    await expectRefused(
      'src/views/x.tsx',
      importing('../worker/client', 'createWorkerApi'),
      IMPORTS,
      'worker/*',
    );
    await expectRefused(
      'src/app/x.ts',
      importing('../worker/supervised', 'Supervisor', true),
      IMPORTS,
      'worker/*',
    );
  });

  it('refuse comlink', async () => {
    await expectRefused('src/app/x.ts', importing('comlink', 'wrap'), IMPORTS, 'comlink');
  });

  it('let them reach the simulation through src/client, and no client value reaches the engine', async () => {
    await expectAllowed('src/app/boot.ts', importing('../client', 'bootSimulation'));
    await expectRefused(
      'src/app/boot.ts',
      importing('../engine/engine', 'createEngine'),
      IMPORTS,
      'engine',
    );
  });

  it.each(['src/commands/x.ts', 'src/embed/x.ts', 'src/persist/x.ts'])(
    'hold for the other page folders too (%s)',
    async (file) => {
      await expectRefused(file, importing('comlink', 'wrap'), IMPORTS, 'comlink');
      await expectRefused(
        file,
        importing('../worker/local', 'createLocalApi'),
        IMPORTS,
        'worker/*',
      );
    },
  );
});

describe('the store', () => {
  it('refuses comlink and worker/*, and may import the engine types it keeps', async () => {
    await expectRefused('src/store/x-slice.ts', importing('comlink', 'proxy'), IMPORTS, 'comlink');
    await expectRefused(
      'src/store/x-slice.ts',
      importing('../worker/session', 'createSession'),
      IMPORTS,
      'worker/*',
    );
    await expectAllowed('src/store/x-slice.ts', importing('../engine/events', 'TraceEvent', true));
  });
});

describe('the pure folders', () => {
  it.each(PURE_FOLDERS)('%s refuses React, zustand and the store', async (folder) => {
    const file = `src/${folder}/wrong.ts`;
    await expectRefused(file, importing('react', 'useState'), IMPORTS, 'no React');
    await expectRefused(file, importing('zustand', 'create'), IMPORTS, 'no React');
    await expectRefused(file, importing('@xyflow/react', 'ReactFlow'), IMPORTS, 'no React');
    await expectRefused(file, importing('../store', 'createAppStore'), IMPORTS, 'the store');
    await expectRefused(file, importing('../views/graph/layout', 'layout'), IMPORTS, 'the views');
  });

  it.each(PURE_FOLDERS)('%s refuses DOM globals', async (folder) => {
    const code = `export const width = () => window.innerWidth + document.body.clientWidth;\n`;
    const messages = await lint(`src/${folder}/wrong.ts`, code);
    expect(messages.map((m) => [m.ruleId, m.message])).toEqual([
      [GLOBALS, "Unexpected use of 'window'. A pure folder has no DOM: `window` is the page's."],
      [
        GLOBALS,
        "Unexpected use of 'document'. A pure folder has no DOM: `document` is the page's.",
      ],
    ]);
  });

  it('lets a pure folder use the platform APIs a worker and Node share', async () => {
    await expectAllowed('src/share/x.ts', 'export const bytes = new TextEncoder().encode("x");\n');
  });

  it('keeps the engine and the lessons off the clock and Math.random', async () => {
    await expectRefused(
      'src/engine/x.ts',
      'export const t = () => setTimeout(() => 0, 1);\n',
      GLOBALS,
      'Time comes from the scenario',
    );
    await expectRefused(
      'src/lessons/x.ts',
      'export const r = () => Math.random();\n',
      'no-restricted-properties',
      'seeded PRNG',
    );
    // Outside those two folders a timer is an ordinary tool.
    await expectAllowed('src/editor/x.ts', 'export const t = () => setTimeout(() => 0, 1);\n');
  });

  it('lets src/definitions re-export only the engine leaf modules', async () => {
    await expectAllowed(
      'src/definitions/x.ts',
      "export { PIN_NAMES } from '../engine/scenario';\n",
    );
    await expectRefused(
      'src/definitions/x.ts',
      importing('../engine/engine', 'createEngine'),
      IMPORTS,
      'leaf modules',
    );
  });
});
