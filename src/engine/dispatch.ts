import {
  deliver,
  eoi,
  evaluate,
  lineInput,
  nobodyCared,
  remoteIrrEvent,
  rise,
  settleLatch,
  spuriousPoll,
  syncMask,
} from './controller';
import { evalGate520, evalGate530 } from './device';
import { entityStep, guestNobodyCared, guestPoll } from './entity';
import { hostStep } from './host';
import { hostDeviceEoi, hostDeviceUnmask, hostEoi } from './host-eoi';
import { hostReforward, msiDeliver, msiForward } from './host-forward';
import type { Stimulus } from './scenario';
import { Op, type Sim } from './sim';
import { applyStimulus, applyTraffic } from './stimuli';
import { xenEoiTimer } from './xen';

/**
 * What an operation needs besides the simulation: the scenario's inputs, resolved
 * once to device indices (-1: no such device), so a raise looks nothing up by name.
 */
export interface Inputs {
  stimuli: readonly Stimulus[];
  stimulusDevice: readonly number[];
  trafficDevice: readonly number[];
}

/**
 * Runs one operation of the agenda: `target` and `arg` as the operation kind
 * says. Returns whether it emitted its event (at most one) to the sink.
 */
export function dispatch(
  sim: Sim,
  inputs: Inputs,
  op: number,
  target: number,
  arg: number,
): boolean {
  switch (op) {
    case Op.Stimulus:
      return applyStimulus(sim, inputs.stimuli, inputs.stimulusDevice, target);
    case Op.Traffic:
      return applyTraffic(sim, inputs.trafficDevice, target);
    case Op.DeviceGates:
      return evalGate520(sim, target);
    case Op.DevicePin:
      return evalGate530(sim, target);
    case Op.LineInput:
      return lineInput(sim, target, arg);
    case Op.ControllerRise:
      return rise(sim, target);
    case Op.ControllerEval:
      return evaluate(sim, target);
    case Op.Deliver:
      return deliver(sim, target);
    case Op.RemoteIrr:
      return remoteIrrEvent(sim, target, arg as 0 | 1);
    case Op.ControllerEoi:
      return eoi(sim, target, arg);
    case Op.MaskSync:
      return syncMask(sim, target, arg);
    case Op.NobodyCared:
      return nobodyCared(sim, target, arg);
    case Op.Host:
      return hostStep(sim, target);
    case Op.HostEoi:
      return hostEoi(sim, target);
    case Op.HostDeviceEoi:
      return hostDeviceEoi(sim, target);
    case Op.HostDeviceUnmask:
      return hostDeviceUnmask(sim, target);
    case Op.HostReforward:
      return hostReforward(sim, target, arg);
    case Op.Entity:
      return entityStep(sim, target);
    case Op.SettleLatch:
      return settleLatch(sim, target);
    case Op.MsiDeliver:
      return msiDeliver(sim, target);
    case Op.MsiForward:
      return msiForward(sim, target, arg);
    case Op.Refuse:
      // A binding the real host refuses (topology.ts), recorded at the start of the run.
      return sim.out.hostRefuse(target);
    case Op.XenEoiTimer:
      return xenEoiTimer(sim, target, arg);
    case Op.SpuriousPoll:
      return spuriousPoll(sim, target);
    case Op.GuestNobodyCared:
      return guestNobodyCared(sim, target, arg);
    case Op.GuestPoll:
      return guestPoll(sim, target, arg);
    default:
      throw new Error(`unknown operation kind ${op}`);
  }
}
