/** Public API of the "Your machine" workspace. */
export { MachineWorkspace } from './MachineWorkspace';
