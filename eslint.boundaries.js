// Which folder may import which: the rules the folder READMEs state, as ESLint
// configuration, so a wrong import fails `npm run lint` instead of a review.
// tests/lint/boundaries.test.ts proves each rule fires on a deliberately wrong import.
//
// ESLint keeps only the last setting of a rule for a file, so every block below
// lists all the restrictions of its files, built from the pieces here.

/** Folders with no DOM, React or store: they run in the worker, the CLI and tests alike. */
export const PURE_FOLDERS = [
  'engine',
  'replay',
  'analysis',
  'editor',
  'machine',
  'trace-io',
  'share',
  'protocol',
  'lessons',
  'glossary',
  'definitions',
];

const ENGINE_VALUES = {
  regex: '(^|/)engine(/|$)',
  allowTypeImports: true,
  message:
    'The page bundles no engine code (it runs in the worker): import its types, or the shared values from src/definitions.',
};

const ENGINE_BACKED_ANALYSIS = {
  regex: '(^|/)analysis(/(index|metrics-run|compare|sweep-point|sweep-scenario))?$',
  allowTypeImports: true,
  message:
    'These analysis modules run the engine (in the worker): the page imports values from src/analysis/engine-free.',
};

const WORKER = {
  regex: '(^|/)worker(/|$)',
  message:
    'Views and the app talk to the simulation through the store and the simulation client, never to worker/* directly.',
};

const COMLINK = {
  name: 'comlink',
  message: 'Only the simulation client speaks comlink; the store and the views call its typed API.',
};

const UI_LIBRARIES = {
  regex: '^(react|react-dom|zustand|@xyflow/react|comlink|d3(-[a-z]+)?)(/.*)?$',
  message:
    'A pure folder runs in the worker, the CLI and tests: no React, zustand, React Flow, d3 or comlink.',
};

const UI_FOLDERS = {
  regex: '(^|/)(store|views|app|worker)(/|$)',
  message:
    'A pure folder may not import the store, the views, the app shell or the worker: they import it, not the other way round.',
};

const ENGINE_INTERNALS = {
  regex: '(^|/)engine/(?!(scenario|events|topology)$)',
  message:
    'src/definitions re-exports only the engine leaf modules (scenario, events, topology), which import nothing that steps a run.',
};

/** DOM globals a pure folder may not touch (tsconfig.pure.json also drops the DOM types). */
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'getComputedStyle',
  'matchMedia',
  'ResizeObserver',
  'MutationObserver',
  'IntersectionObserver',
  'HTMLElement',
  'Element',
  'Node',
  'Event',
  'CustomEvent',
  'alert',
].map((name) => ({ name, message: `A pure folder has no DOM: \`${name}\` is the page's.` }));

/** Time and randomness come from the scenario in the engine and the lessons. */
const CLOCK_GLOBALS = ['setTimeout', 'setInterval', 'performance'].map((name) => ({
  name,
  message: `Time comes from the scenario: \`${name}\` would make a run depend on the machine.`,
}));

/** The rule setting for a list of restrictions (patterns and exact names). */
function restrict(...restrictions) {
  const paths = restrictions.filter((r) => 'name' in r);
  const patterns = restrictions.filter((r) => !('name' in r));
  return { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] };
}

const inFolders = (folders) => folders.map((f) => `src/${f}/**/*.{ts,tsx}`);
const UI_FILES = [
  'src/views/**/*.{ts,tsx}',
  'src/app/**/*.{ts,tsx}',
  'src/commands/**/*.{ts,tsx}',
  'src/embed/**/*.{ts,tsx}',
  'src/persist/**/*.{ts,tsx}',
];

export const boundaryRules = [
  {
    // Views and the app shell: no engine values, no worker, no comlink.
    files: UI_FILES,
    rules: restrict(ENGINE_VALUES, ENGINE_BACKED_ANALYSIS, WORKER, COMLINK),
  },
  {
    // The store reaches the simulation through src/client, which owns comlink and the workers.
    files: ['src/store/**/*.{ts,tsx}'],
    rules: restrict(WORKER, COMLINK),
  },
  {
    files: inFolders(PURE_FOLDERS),
    rules: {
      ...restrict(UI_LIBRARIES, UI_FOLDERS),
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    files: inFolders(['definitions']),
    rules: restrict(UI_LIBRARIES, UI_FOLDERS, ENGINE_INTERNALS),
  },
  {
    // The engine and the lesson layer are also deterministic: no clock, no Math.random.
    files: inFolders(['engine', 'lessons']),
    rules: {
      'no-restricted-globals': ['error', ...DOM_GLOBALS, ...CLOCK_GLOBALS],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG in the engine state.' },
        { object: 'Date', property: 'now', message: 'Time comes from the scenario.' },
      ],
    },
  },
];
