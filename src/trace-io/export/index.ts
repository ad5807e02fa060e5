export {
  bitsFor,
  COUNT_WIDTH,
  LANE_DESCRIPTIONS,
  signalChanges,
  type LaneName,
  type ScopeKind,
  type SignalChange,
  type SignalLane,
  type SignalSet,
} from './signals';
export { DEFAULT_VCD_DATE, toVcd, vcdId, vcdName, type VcdOptions } from './vcd';
export {
  DEFAULT_MAX_STEPS,
  toWaveJson,
  type WaveGroup,
  type WaveJson,
  type WaveJsonOptions,
  type WaveLane,
} from './wavejson';
export {
  EXPORT_EXTENSIONS,
  exportFileName,
  scenarioSlug,
  SLUG_FALLBACK,
  SLUG_MAX_LENGTH,
  type ExportKind,
} from './file-names';
