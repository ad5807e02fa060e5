import type { DeviceSpec } from '../../engine/scenario';

/**
 * A PCI bus:device.function for each device, so the node reads like lspci.
 * Scenarios carry no addresses, so they are made up deterministically: devices
 * on the host bus take slots 1..31 in order (slot 0 is the host bridge),
 * functions counting up when the slots run out; a device behind a bridge sits
 * on bus 01 at its bridge slot.
 */
export function deviceAddresses(devices: readonly DeviceSpec[]): string[] {
  let direct = 0;
  const perSlot = new Map<number, number>();
  return devices.map((d) => {
    if (d.bridgeSlot !== null) {
      const fn = perSlot.get(d.bridgeSlot) ?? 0;
      perSlot.set(d.bridgeSlot, fn + 1);
      return bdf(1, d.bridgeSlot, fn % 8);
    }
    const n = direct++;
    return bdf(0, 1 + (n % 31), Math.floor(n / 31) % 8);
  });
}

function bdf(bus: number, slot: number, fn: number): string {
  const hex2 = (v: number) => v.toString(16).padStart(2, '0');
  return `${hex2(bus)}:${hex2(slot)}.${fn}`;
}
