import { lazy } from 'react';

/**
 * The topology graph (React Flow and d3's zoom) as its own chunk. Its import
 * starts when the app's code runs, so it loads while the worker starts and runs
 * the first scenario, which the graph waits for anyway: the page's first script
 * is smaller and the graph is not later.
 */
const graphModule = import('../views/graph');
// A failed load is shown by the graph's error boundary when it renders, not as an unhandled rejection.
graphModule.catch(() => {});

export const TopologyGraph = lazy(() => graphModule.then((m) => ({ default: m.TopologyGraph })));
