import { XEN_IRQ_MAX_GUESTS, type Costs, type IsrSpec, type Scenario } from './scenario';

/**
 * The fixed wiring of a run, resolved from the scenario to array indices once so
 * that the step loop never looks anything up by name. Never mutated.
 */
export interface Topology {
  scenario: Scenario;
  costs: Costs;
  native: boolean;
  selective: boolean;
  /** Host masks devices with Command bit 10 (selective + hostMask device). */
  deviceMasking: boolean;
  forwardDeviceId: boolean;
  walkAll: boolean;
  /** Cost of entering an entity for one indication (0 in native). */
  enterNs: number;
  /** The host's cost of injecting one indication (costs.injectNs, default 0). */
  injectNs: number;
  /** Physical CPUs shared by the entities; null: one each (no waiting). */
  pcpus: number | null;
  /** Xen's broadcast (xen/arch/x86/irq.c): bound guests only, deferred EOI, EOI timer. */
  xen: boolean;
  /** Linux VFIO's per-device handlers (vfio_intx_handler), under selective (vfio or kvm). */
  vfio: boolean;
  /** Each guest runs its own `note_interrupt()` on the indications it gets (real profiles). */
  guestDetector: boolean;
  /** Linux handles the physical line (native, or the VFIO host): `poll_spurious_irqs` runs. */
  pollSpurious: boolean;
  /** Refusals applied at the start of the run (Xen irq_max_guests, VFIO -EBUSY, nointx). */
  refusals: Refusal[];
  /**
   * `guests`: under Xen, the entities bound to the line's IRQ (owners of its devices).
   * `allIdentifiable`: every device the host reads on the line can be ruled out.
   */
  lines: {
    id: string;
    edge: boolean;
    devices: number[];
    guests: number[];
    allIdentifiable: boolean;
  }[];
  devices: {
    id: string;
    line: number;
    owners: number[];
    /** Status can be trusted and Command bit 10 works: the host may rule it out. */
    identifiable: boolean;
    pci23: boolean;
    statusReliable: boolean;
    deassertDelayNs: number;
    /** Message-signalled (MSI or MSI-X): drives no line, is never read by the host. */
    msi: boolean;
    /** MSI-X vectors used in turn (1 for MSI). */
    vectors: number;
  }[];
  entities: {
    id: string;
    isrs: { id: string; device: number; flush: boolean; lateAck: boolean }[];
  }[];
  /** KVM with the fix: the resample waits until the guest's handler is done. */
  resampleOnExit: boolean;
  /** KVM: QEMU's I/O APIC storm guard on re-deliveries at the guest's EOI (ioapic_eoi_broadcast). */
  stormGuard: boolean;
}

/** A binding the real host refuses; the run starts by recording it. */
export interface Refusal {
  /** The device whose interrupt is refused (-1 when a guest is refused a binding). */
  device: number;
  entity: number;
  line: number;
  reason: 'too-many-guests' | 'no-intx-masking' | 'intx-hidden';
}

/** The id of the single entity of a native run built from several entities. */
export const NATIVE_OS_ID = 'os';

/**
 * What an ISR handles, the same in every VM: its device, or, for an ISR of a
 * device not on the physical line (`device: null`), its id without the VM's
 * prefix (`vm1-timer` and `vm3-timer` are both the OS's one timer handler).
 */
function handlerKey(entityId: string, isr: IsrSpec): string {
  if (isr.device !== null) return `device:${isr.device}`;
  const prefix = `${entityId}-`;
  return `other:${isr.id.startsWith(prefix) ? isr.id.slice(prefix.length) : isr.id}`;
}

/**
 * In native mode there is one OS and every ISR of the line is in its chain.
 * A scenario written for VMs is folded into that OS: chains concatenated in
 * entity order, keeping the first ISR of each device and one of each other
 * handler, since one OS registers each handler once (several VMs' copies of
 * the same timer or serial handler are one handler natively).
 */
export function nativeEntities(scenario: Scenario): { id: string; isrs: IsrSpec[] }[] {
  if (scenario.entities.length === 1) return scenario.entities;
  const seen = new Set<string>();
  const isrs: IsrSpec[] = [];
  for (const entity of scenario.entities) {
    for (const isr of entity.isrs) {
      const key = handlerKey(entity.id, isr);
      if (seen.has(key)) continue;
      seen.add(key);
      isrs.push(isr);
    }
  }
  return [{ id: NATIVE_OS_ID, isrs }];
}

/**
 * Whether Linux handles the lines itself (host vfio or kvm, natively or under selective),
 * so that a line disabled as "nobody cared" is polled every 100 ms (`poll_spurious_irqs`).
 */
export function linuxPollsLines(scenario: Scenario): boolean {
  const profile = scenario.host ?? 'patent';
  return (profile === 'vfio' || profile === 'kvm') && scenario.policy !== 'broadcast';
}

/** The entities that take part in a run of this scenario under its policy. */
export function runEntities(scenario: Scenario): { id: string; isrs: IsrSpec[] }[] {
  return scenario.policy === 'native' ? nativeEntities(scenario) : scenario.entities;
}

export function buildTopology(scenario: Scenario): Topology {
  const native = scenario.policy === 'native';
  const selective = scenario.policy === 'selective';
  const entitySpecs = runEntities(scenario);
  const entityIndex = new Map(entitySpecs.map((e, i) => [e.id, i]));
  const lineIndex = new Map(scenario.lines.map((l, i) => [l.id, i]));
  const deviceIndex = new Map(scenario.devices.map((d, i) => [d.id, i]));
  const lines = scenario.lines.map((l) => ({
    id: l.id,
    edge: l.trigger === 'edge',
    devices: [] as number[],
    guests: [] as number[],
    allIdentifiable: true,
  }));
  const devices = scenario.devices.map((d, i) => {
    const line = lineIndex.get(d.line);
    if (line === undefined) throw new Error(`device ${d.id}: unknown line ${d.line}`);
    const msi = d.interrupt === 'msi' || d.interrupt === 'msix';
    // An MSI device shares no wire: it is not among the line's sharers the host reads.
    if (!msi) lines[line]?.devices.push(i);
    const owners = native
      ? [0]
      : d.owners.map((o) => {
          const e = entityIndex.get(o);
          if (e === undefined) throw new Error(`device ${d.id}: unknown owner ${o}`);
          return e;
        });
    return {
      id: d.id,
      line,
      owners,
      identifiable: d.pci23 && d.statusReliable,
      pci23: d.pci23,
      statusReliable: d.statusReliable,
      deassertDelayNs: d.deassertDelayNs,
      msi,
      vectors: d.interrupt === 'msix' ? (d.vectors ?? 1) : 1,
    };
  });
  const entities = entitySpecs.map((e) => ({
    id: e.id,
    isrs: e.isrs.map((isr) => {
      const device = isr.device === null ? -1 : (deviceIndex.get(isr.device) ?? -1);
      return {
        id: isr.id,
        device,
        flush: isr.flushPostedWrites,
        lateAck: isr.ackAfterEoi ?? false,
      };
    }),
  }));
  const costs = scenario.costs;
  const profile = scenario.host ?? 'patent';
  const xen = profile === 'xen' && scenario.policy === 'broadcast';
  const vfio = (profile === 'vfio' || profile === 'kvm') && selective;
  const refusals: Refusal[] = [];
  if (xen) bindXenGuests(lines, devices, refusals);
  if (vfio) refuseVfio(lines, devices, refusals);
  for (const line of lines)
    line.allIdentifiable = line.devices.every((d) => devices[d]!.identifiable);
  return {
    scenario,
    costs,
    native,
    selective,
    // VFIO masks per device whatever hostMask says: it has no line-masking mode.
    deviceMasking: selective && (vfio || scenario.hostMask === 'device'),
    forwardDeviceId: selective && scenario.forwardDeviceId,
    walkAll: scenario.chainWalk === 'all',
    enterNs: native
      ? 0
      : scenario.entityKind === 'thread'
        ? costs.threadWakeNs
        : costs.contextSwitchNs,
    injectNs: native ? 0 : (costs.injectNs ?? 0),
    // Natively there is one OS, so one CPU or many changes nothing.
    pcpus: native ? null : (scenario.pcpus ?? null),
    xen,
    vfio,
    // A guest kernel's own note_interrupt(); threads run in the host's kernel and have none.
    guestDetector:
      profile !== 'patent' &&
      !native &&
      scenario.entityKind !== 'thread' &&
      scenario.nobodyCared.enabled,
    pollSpurious: linuxPollsLines(scenario),
    refusals,
    resampleOnExit: profile === 'kvm' && selective && scenario.kvmResample === 'unmask',
    stormGuard: profile === 'kvm' && selective,
    lines,
    devices,
    entities,
  };
}

type LineWiring = Topology['lines'][number];
type DeviceWiring = Topology['devices'][number];

/**
 * Xen `pirq_guest_bind`: a guest binds the physical IRQ of a device assigned
 * to it, so a line's guests are the owners of its devices, in entity order;
 * past `irq_max_guests` (32) the binding fails ("Too many guests").
 */
function bindXenGuests(lines: LineWiring[], devices: DeviceWiring[], out: Refusal[]): void {
  lines.forEach((line, l) => {
    const owners = new Set<number>();
    for (const d of line.devices) for (const o of devices[d]!.owners) owners.add(o);
    const sorted = [...owners].sort((a, b) => a - b);
    line.guests = sorted.slice(0, XEN_IRQ_MAX_GUESTS);
    for (const entity of sorted.slice(XEN_IRQ_MAX_GUESTS)) {
      out.push({ device: -1, entity, line: l, reason: 'too-many-guests' });
    }
  });
}

/**
 * Linux VFIO refuses INTx it cannot handle per device: a device without PCI
 * 2.3 masking is requested without IRQF_SHARED, so on a shared line
 * `request_irq` fails with -EBUSY ("Failed to setup INTx fd: Device or
 * resource busy"); a device on the `vfio_pci_nointx` list (unreliable Status,
 * Intel XL710/X710/XXV710/X550) has its INTx hidden (Interrupt Pin reads 0).
 * Either way its owner never gets its INTx: the device is off the line.
 */
function refuseVfio(lines: LineWiring[], devices: DeviceWiring[], out: Refusal[]): void {
  lines.forEach((line, l) => {
    // A hidden device requests no IRQ at all (its pin reads 0), so it is no sharer: a
    // pre-2.3 device left alone beside it gets its line (request_irq succeeds).
    const hidden = (d: number) => devices[d]!.pci23 && !devices[d]!.statusReliable;
    const shared = line.devices.filter((d) => !hidden(d)).length > 1;
    for (const d of [...line.devices]) {
      const dev = devices[d]!;
      let reason: Refusal['reason'] | null = null;
      if (dev.pci23 && !dev.statusReliable) reason = 'intx-hidden';
      else if (!dev.pci23 && shared) reason = 'no-intx-masking';
      if (reason === null) continue;
      out.push({ device: d, entity: dev.owners[0] ?? -1, line: l, reason });
      line.devices = line.devices.filter((x) => x !== d);
    }
  });
}
