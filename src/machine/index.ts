/** Public API of the machine folder: dumps in, an inventory and a runnable scenario out. */
export { analyzeMachine, type MachineDumps } from './analyze';
export {
  buildScenario,
  describe as describeInventory,
  noSharingReason,
  ownerProblem,
  proposeOwners,
  sharingDevices,
  RAISES_PER_DEVICE,
  RAISE_SPACING_NS,
  type BuildOptions,
  type BuildResult,
  type Owners,
} from './build-scenario';
export { parseLspci, type LspciResult } from './lspci';
export { msiCapabilities, msiWhatIf, type LineWhatIf, type MsiCapability } from './msi-what-if';
export { parseProcInterrupts, type ProcResult } from './proc-interrupts';
export type * from './types';
export {
  reportLines,
  scenarioFromFiles,
  type DumpFile,
  type FromFilesResult,
  type MachineFiles,
} from './from-files';
