/**
 * Which /proc/interrupts handler name belongs to which lspci device. Drivers
 * register a name of their choice, so matching is by rules that real drivers
 * follow, each kept here with its example:
 * - the driver's own name, possibly with a suffix: `snd_hda_intel:card0`,
 *   `nvme0q3` (driver `nvme`), `virtio0-config` (driver `virtio-pci`);
 * - USB host controllers bound by `ehci-pci`/`ohci-pci` register `ehci_hcd:usb1`;
 * - a PCI address in the name or the controller: `ahci[0000:00:17.0]`,
 *   `PCI-MSIX-0000:01:00.0`;
 * - a predictable network interface name encodes the address: `enp0s31f6` is 00:1f.6.
 */
import type { PciAddress } from './types';

/** `snd-hda-intel` and `snd_hda_intel` are the same module name. */
export function normalizeDriver(name: string): string {
  return name.trim().toLowerCase().replace(/-/g, '_');
}

/** The part of a handler name before `:` or `[` (`ehci_hcd:usb1` -> `ehci_hcd`). */
export function nameBase(name: string): string {
  return normalizeDriver(name.split(/[:[\s]/)[0] ?? name);
}

/** `0000:00:1f.3` and `00:1f.3` are the same device. */
export function sameAddress(a: string, b: string): boolean {
  const strip = (x: string) => x.toLowerCase().replace(/^0000:/, '');
  return strip(a) === strip(b);
}

/** An address written inside a handler name (`ahci[0000:00:17.0]`). */
export function addressInName(name: string): PciAddress | null {
  // A domain of 5 hex digits and more is a VMD's (`10000:e1:00.0`), as lspci prints it.
  const m = /(?<![0-9a-f:])((?:[0-9a-f]{4,8}:)?[0-9a-f]{2}:[0-9a-f]{2}\.[0-7])/i.exec(name);
  return m ? m[1]!.toLowerCase().replace(/^0000:/, '') : null;
}

/** The address a predictable network interface name (systemd) stands for, if any. */
export function addressOfInterfaceName(name: string): PciAddress | null {
  const m = /^(?:en|wl|ww|ib|sl)(?:P(\d+))?p(\d+)s(\d+)(?:f(\d+))?/.exec(name.trim());
  if (!m) return null;
  const hex = (n: string | undefined, width: number) =>
    Number(n ?? 0)
      .toString(16)
      .padStart(width, '0');
  const domain = m[1] !== undefined && Number(m[1]) !== 0 ? `${hex(m[1], 4)}:` : '';
  return `${domain}${hex(m[2], 2)}:${hex(m[3], 2)}.${Number(m[4] ?? 0)}`;
}

/** Whether handler `name` was registered by the device with this driver and address. */
export function nameMatchesDevice(
  name: string,
  driver: string | null,
  address: PciAddress | null,
): boolean {
  const inName = addressInName(name) ?? addressOfInterfaceName(name);
  if (inName !== null && address !== null) return sameAddress(inName, address);
  if (driver === null) return false;
  const base = nameBase(name);
  const d = normalizeDriver(driver);
  const stems = [d, d.replace(/_pci$/, '')].filter((s) => s.length >= 3);
  return stems.some(
    (stem) =>
      base === stem ||
      base === `${stem}_hcd` ||
      (base.startsWith(stem) && /^\d+([a-z]\d+)?(_.*)?$/.test(base.slice(stem.length))),
  );
}

/**
 * The device a group of MSI handler names stands for when there is no lspci:
 * `nvme0q0..nvme0q8` are one NVMe drive, `enp3s0-rx-0` one NIC.
 */
export function msiGroupKey(name: string): string {
  const address = addressInName(name);
  if (address !== null) return address;
  return name
    .split(/[:[\s]/)[0]!
    .replace(/-(rx|tx|txrx|TxRx|fp|queue)-?\d+$/i, '')
    .replace(/q\d+$/, '');
}
