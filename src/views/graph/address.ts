import type { DeviceSpec } from '../../engine/scenario';

/** `name@00:1d.0` (or with a domain): an id that carries a real address, as "Your machine" builds them. */
const REAL_ADDRESS = /@((?:[0-9a-f]{4,8}:)?[0-9a-f]{2}:[0-9a-f]{2}\.[0-7])$/i;

/**
 * A PCI bus:device.function for each device, so the node reads like lspci.
 * A device whose id ends in a real address (`ehci-pci@00:1d.0`, from a
 * machine's lspci) shows that address: a made-up one would contradict the
 * dump it came from. Other scenarios carry no addresses, so they are made up
 * deterministically: devices on the host bus take slots 1..31 in order (slot 0
 * is the host bridge), functions counting up when the slots run out, skipping
 * addresses a real one already holds; a device behind a bridge sits on bus 01
 * at its bridge slot.
 */
export function deviceAddresses(devices: readonly DeviceSpec[]): string[] {
  const real = devices.map((d) => REAL_ADDRESS.exec(d.id)?.[1]?.toLowerCase() ?? null);
  const taken = new Set(real.filter((a) => a !== null).map((a) => a.replace(/^0{4,8}:/, '')));
  let direct = 0;
  const perSlot = new Map<number, number>();
  const nextFree = (make: () => string): string => {
    // At most 31 * 8 made-up addresses exist per bus; past that they repeat, as before.
    for (let tries = 0; tries < 256; tries++) {
      const a = make();
      if (!taken.has(a)) return a;
    }
    return make();
  };
  return devices.map((d, i) => {
    const own = real[i];
    if (own) return own.replace(/^0{4,8}:/, '');
    if (d.bridgeSlot !== null) {
      const slot = d.bridgeSlot;
      return nextFree(() => {
        const fn = perSlot.get(slot) ?? 0;
        perSlot.set(slot, fn + 1);
        return bdf(1, slot, fn % 8);
      });
    }
    return nextFree(() => {
      const n = direct++;
      return bdf(0, 1 + (n % 31), Math.floor(n / 31) % 8);
    });
  });
}

function bdf(bus: number, slot: number, fn: number): string {
  const hex2 = (v: number) => v.toString(16).padStart(2, '0');
  return `${hex2(bus)}:${hex2(slot)}.${fn}`;
}
