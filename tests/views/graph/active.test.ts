import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/engine/events';
import { PRESETS } from '../../../src/presets';
import type { Frame } from '../../../src/protocol/api';
import { activeEdges, signalLevels } from '../../../src/views/graph/active';
import {
  deliverEdgeId,
  forwardEdgeId,
  groupForwardEdgeId,
  lineEdgeId,
  pinEdgeId,
  readEdgeId,
} from '../../../src/views/graph/ids';
import { graphFrame } from '../../../src/views/graph/frame-store';
import { layoutTopology } from '../../../src/views/graph/layout';
import { firstFrame, framesOf, normalize, preset } from './fixtures';

type Of<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

function frameOf<T extends TraceEvent['type']>(
  frames: readonly Frame[],
  type: T,
  test: (e: Of<T>) => boolean = () => true,
): Frame & { event: Of<T> } {
  return firstFrame(frames, (f) => f.event?.type === type && test(f.event as Of<T>)) as Frame & {
    event: Of<T>;
  };
}

const selective = preset('fig4-selective');
const selectiveFrames = framesOf(selective);
const broadcast = preset('fig3-broadcast');
const broadcastFrames = framesOf(broadcast);
const native = preset('fig2-native');
const nativeFrames = framesOf(native);

function lit(scenario = selective, frame: Frame) {
  return activeEdges(scenario, frame.event, frame.view);
}

describe('activeEdges', () => {
  it('lights nothing before the first event', () => {
    expect(activeEdges(selective, null, selectiveFrames[0]!.view).size).toBe(0);
  });

  it('lights the device pin edge with the pin value', () => {
    const up = frameOf(selectiveFrames, 'device.pin', (e) => e.value === 1);
    expect(lit(selective, up)).toEqual(new Map([[pinEdgeId(up.event.device), { label: '1' }]]));
    const down = frameOf(selectiveFrames, 'device.pin', (e) => e.value === 0);
    expect(lit(selective, down).get(pinEdgeId(down.event.device))).toEqual({ label: '0' });
  });

  it('lights the line edge with the line level', () => {
    const f = frameOf(selectiveFrames, 'line.level', (e) => e.value === 1);
    expect(lit(selective, f)).toEqual(new Map([[lineEdgeId('INTA'), { label: '1' }]]));
  });

  it('lights the controller output on delivery: to the host, or to the OS in native mode', () => {
    const toHost = frameOf(broadcastFrames, 'ioapic.deliver');
    expect(toHost.event.to).toBe('host');
    expect(lit(broadcast, toHost).get(deliverEdgeId('INTA'))).toEqual({ label: 'deliver' });
    const toOs = frameOf(nativeFrames, 'ioapic.deliver');
    expect(toOs.event.to).toBe('os');
    expect(lit(native, toOs).get(deliverEdgeId('INTA'))).toEqual({ label: 'deliver' });
  });

  it('labels a host status read with the value read', () => {
    const one = frameOf(selectiveFrames, 'host.config-read', (e) => e.status === 1);
    expect(lit(selective, one)).toEqual(
      new Map([[readEdgeId(one.event.device), { label: 'bit3=1' }]]),
    );
    const zero = frameOf(selectiveFrames, 'host.config-read', (e) => e.status === 0);
    expect(lit(selective, zero).get(readEdgeId(zero.event.device))).toEqual({ label: 'bit3=0' });

    const legacy = preset('legacy-device');
    const legacyRead = frameOf(framesOf(legacy), 'host.config-read', (e) => e.device === 'usb0');
    expect(lit(legacy, legacyRead).get(readEdgeId('usb0'))).toEqual({ label: 'no bit 3' });
  });

  it('labels the host masking a device with Command bit 10', () => {
    const f = frameOf(selectiveFrames, 'device.intx-disable', (e) => e.by === 'host');
    expect(lit(selective, f).get(readEdgeId(f.event.device))).toEqual({
      label: `write bit10=${f.event.value}`,
    });
  });

  it('labels a forward with the device when the indication carries it', () => {
    const plain = frameOf(broadcastFrames, 'host.forward');
    expect(lit(broadcast, plain).get(forwardEdgeId(plain.event.entity))).toEqual({ label: 'irq' });
    const withId = preset('fig4-device-id');
    const carried = frameOf(framesOf(withId), 'host.forward', (e) => e.device !== null);
    expect(lit(withId, carried).get(forwardEdgeId(carried.event.entity))).toEqual({
      label: carried.event.device!,
    });
  });

  it('draws EOIs backwards along the edge they answer', () => {
    const entityEoi = frameOf(broadcastFrames, 'entity.eoi');
    expect(lit(broadcast, entityEoi).get(forwardEdgeId(entityEoi.event.entity))).toEqual({
      label: 'EOI',
      reverse: true,
    });
    const hostEoi = frameOf(broadcastFrames, 'host.eoi');
    expect(lit(broadcast, hostEoi).get(forwardEdgeId(hostEoi.event.entity))).toMatchObject({
      reverse: true,
    });
    const lineEoi = frameOf(broadcastFrames, 'ioapic.eoi', (e) => e.by === 'host');
    expect(lit(broadcast, lineEoi).get(deliverEdgeId('INTA'))).toEqual({
      label: 'EOI',
      reverse: true,
    });
    const osEoi = frameOf(nativeFrames, 'entity.eoi');
    expect(lit(native, osEoi).get(deliverEdgeId('INTA'))).toEqual({ label: 'EOI', reverse: true });
  });

  it('leaves ISR calls and services to the entity node', () => {
    expect(lit(broadcast, frameOf(broadcastFrames, 'isr.call')).size).toBe(0);
    expect(lit(broadcast, frameOf(broadcastFrames, 'device.service')).size).toBe(0);
  });

  it('only ever names edges that the layout drew, for every event of every preset', () => {
    for (const p of PRESETS) {
      const scenario = normalize(p.file);
      const layout = layoutTopology(scenario, { expandedDevices: new Set() });
      const ids = new Set(layout.edges.map((e) => e.id));
      const groupOf = new Map(layout.groups.flatMap((g) => g.members.map((m) => [m, g.id])));
      const frames = framesOf(scenario).slice(0, 2000);
      for (const f of frames) {
        const active = graphFrame(scenario, f, layout.groups).active;
        for (const id of active.keys()) {
          if (ids.has(id)) continue;
          // A member of a group has no edge of its own: its group's edge is lit instead.
          const member = id.startsWith('edge:forward:') ? id.slice('edge:forward:'.length) : '';
          const group = groupOf.get(member);
          expect(group, `${p.name} ${f.event?.type} ${id}`).toBeDefined();
          expect(active.has(groupForwardEdgeId(group!)), `${p.name} ${id} via its group`).toBe(
            true,
          );
        }
      }
    }
  });
});

describe('signalLevels', () => {
  it('states every pin and line level as 0/1', () => {
    const f = frameOf(selectiveFrames, 'line.level', (e) => e.value === 1);
    const levels = signalLevels(selective, f.view);
    expect(levels.get(lineEdgeId('INTA'))).toBe(1);
    expect(levels.get(pinEdgeId(f.event.device))).toBe(1);
    expect(levels.size).toBe(selective.devices.length + selective.lines.length);
    expect([...levels.values()].every((v) => v === 0 || v === 1)).toBe(true);
  });
});
