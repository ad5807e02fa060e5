/** Public API of the topology graph. */
export { TopologyGraph, type FrameSource, type TopologyGraphProps } from './TopologyGraph';
export type { DeviceAction } from './actions';
export { layoutTopology, COLUMN_ORDER, type LayoutOptions, type TopologyLayout } from './layout';
export { activeEdges, signalLevels, type EdgeActivity } from './active';
