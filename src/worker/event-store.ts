import { EVENT_LAYOUTS, SLOTS, VARIANTS, type LayoutField } from '../engine/column-layout';
import type { EventColumns } from '../engine/column-sink';
import { EVENT_TYPES, type TraceEvent } from '../engine/events';
import { EventRows } from './event-rows';

/**
 * The events of a loaded run in columns (typed arrays) instead of one object
 * each: a trace of a million events costs about 30 bytes an event instead of
 * about 100. An event object is built again only when a consumer needs one
 * (the frame's fold, the event log's window, an export), with its keys in the
 * order they came in, so `JSON.stringify` of a rebuilt event is the original's.
 *
 * Each event is a shape (its type, its keys in order and the kind of each
 * value, interned) plus at most SLOTS 32-bit slots for the values that vary:
 * strings and lists of strings are ids in an intern table, small integers are
 * themselves, other numbers index a side list; booleans and nulls live in the
 * shape and take no slot. `seq` and `t` have their own columns. An event that
 * does not fit (more values, another kind of value) is kept as it is.
 *
 * Events come in two ways. A file's events are pushed as objects and their
 * shapes found as they come (`push`). The engine's events are written
 * straight into the columns by its column sink (src/engine/column-sink.ts,
 * `EventColumns`), by the layout the events' field table gives
 * (src/engine/column-layout.ts): no object is made until one is asked for.
 */
const MAX_SHAPES = 0xffff;
/** Shape id of an event kept whole in `overflow`. */
const WHOLE = MAX_SHAPES;

const enum Kind {
  Seq,
  T,
  /** The event's `type`: a constant of the shape. */
  Type,
  Int,
  Num,
  Str,
  List,
  True,
  False,
  Null,
  /** A whole number from 0: itself in its slot, or (negative) the bitwise NOT of its index in `numbers`. */
  Count,
}

interface Shape {
  type: string;
  keys: string[];
  kinds: Kind[];
  /** The slot of each key's value in the event's row, or -1 (a constant of the shape). */
  slots: number[];
}

/** Slot positions of `kinds` filled in order, as `push` fills them. */
function slotsInOrder(kinds: readonly Kind[]): number[] {
  let slot = 0;
  return kinds.map((kind) => (takesSlot(kind) ? slot++ : -1));
}

/** The kind of `field`'s value in variant `variant` of its type (see column-layout.ts). */
function layoutKind(field: LayoutField, variant: number): Kind {
  const set = field.bit >= 0 && (variant & (1 << field.bit)) !== 0;
  switch (field.kind) {
    case 'bool':
      return set ? Kind.True : Kind.False;
    case 'bit':
      return Kind.Int;
    case 'bit?':
      return set ? Kind.Int : Kind.Null;
    case 'str':
      return Kind.Str;
    case 'str?':
      return set ? Kind.Str : Kind.Null;
    case 'strs':
      return Kind.List;
    case 'count':
      return Kind.Count;
  }
}

/** The shape of a layout: its type's keys and kinds, each value at its layout's slot. */
function layoutShapeOf(layout: number): Shape {
  const typeIndex = Math.floor(layout / VARIANTS);
  const variant = layout % VARIANTS;
  const fields = EVENT_LAYOUTS[typeIndex]!;
  const kinds = fields.map((f) => layoutKind(f, variant));
  return {
    type: EVENT_TYPES[typeIndex]!,
    keys: ['seq', 't', 'type', ...fields.map((f) => f.key)],
    kinds: [Kind.Seq, Kind.T, Kind.Type, ...kinds],
    slots: [-1, -1, -1, ...fields.map((f, k) => (takesSlot(kinds[k]!) ? f.slot : -1))],
  };
}

function kindOf(key: string, value: unknown): Kind | null {
  if (key === 'seq') return typeof value === 'number' && (value | 0) === value ? Kind.Seq : null;
  if (key === 't') return typeof value === 'number' ? Kind.T : null;
  if (key === 'type') return typeof value === 'string' ? Kind.Type : null;
  switch (typeof value) {
    case 'number':
      return (value | 0) === value ? Kind.Int : Kind.Num;
    case 'string':
      return Kind.Str;
    case 'boolean':
      return value ? Kind.True : Kind.False;
    case 'object':
      if (value === null) return Kind.Null;
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return Kind.List;
      return null;
    default:
      return null;
  }
}

function sameShape(
  shape: Shape,
  keys: readonly string[],
  kinds: readonly Kind[],
  n: number,
): boolean {
  if (shape.keys.length !== n) return false;
  for (let k = 0; k < n; k++) {
    if (shape.keys[k] !== keys[k] || shape.kinds[k] !== kinds[k]) return false;
  }
  return true;
}

function takesSlot(kind: Kind): boolean {
  return (
    kind === Kind.Int ||
    kind === Kind.Num ||
    kind === Kind.Str ||
    kind === Kind.List ||
    kind === Kind.Count
  );
}

/** Strings (or lists of strings) to small ids and back. */
class Interner<T> {
  readonly values: T[] = [];
  private readonly ids = new Map<string, number>();
  id(key: string, value: T): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(key, id);
    }
    return id;
  }
}

export class EventStore implements EventColumns {
  private readonly rows = new EventRows();
  private readonly shapes: Shape[] = [];
  private readonly shapesByType = new Map<string, number[]>();
  /** The shape the last event of each type had: the next one most likely has it too. */
  private readonly lastShapeByType = new Map<string, number>();
  private readonly strings = new Interner<string>();
  private readonly lists = new Interner<readonly string[]>();
  private readonly numbers: number[] = [];
  private readonly overflow = new Map<number, TraceEvent>();
  /** The shape of each layout the column sink has written (column-layout.ts). */
  private readonly layoutShapes = new Map<number, number>();
  // Scratch space for one event being appended, reused to avoid garbage.
  private pendingCount = 0;
  private readonly pendingKeys: string[] = [];
  private readonly pendingKinds: Kind[] = [];
  private readonly pendingValues: unknown[] = [];
  private readonly pendingSlots = new Int32Array(SLOTS);

  get length(): number {
    return this.rows.length;
  }

  push(ev: TraceEvent): void {
    const shape = this.shapeOf(ev);
    if (shape === null) {
      this.overflow.set(this.rows.length, ev);
      this.rows.add(0, ev.t, WHOLE, 0, 0, 0, 0);
      return;
    }
    // The shape's kinds, not the scratch ones: a match with the last shape fills only the values.
    const kinds = this.shapes[shape]!.kinds;
    const values = this.pendingValues;
    const slots = this.pendingSlots.fill(0);
    let slot = 0;
    for (let k = 0; k < this.pendingCount; k++) {
      const kind = kinds[k]!;
      if (!takesSlot(kind)) continue;
      const v = values[k];
      if (kind === Kind.Int) slots[slot++] = v as number;
      else if (kind === Kind.Num) slots[slot++] = this.numbers.push(v as number) - 1;
      else if (kind === Kind.Str) slots[slot++] = this.stringId(v as string);
      else slots[slot++] = this.listId(v as string[]);
    }
    this.rows.add(ev.seq, ev.t, shape, slots[0]!, slots[1]!, slots[2]!, slots[3]!);
  }

  /** The shape id of `ev` (its kinds and values left in the scratch arrays), or null. */
  private shapeOf(ev: TraceEvent): number | null {
    const keys = this.pendingKeys;
    const kinds = this.pendingKinds;
    const values = this.pendingValues;
    // Filled up to `n` and never shortened: setting `length` costs more than the event.
    let n = 0;
    let used = 0;
    const record = ev as unknown as Record<string, unknown>;
    const last = this.lastShapeByType.get(ev.type);
    if (last !== undefined && this.matches(this.shapes[last]!, record)) return last;
    for (const key in record) {
      const value = record[key];
      const kind = kindOf(key, value);
      if (kind === null) return null;
      if (takesSlot(kind) && ++used > SLOTS) return null;
      keys[n] = key;
      kinds[n] = kind;
      values[n] = value;
      n += 1;
    }
    this.pendingCount = n;
    // A type has one shape or a few: compare with them rather than build a key string.
    let candidates = this.shapesByType.get(ev.type);
    if (candidates) {
      for (const id of candidates) {
        const shape = this.shapes[id]!;
        if (!sameShape(shape, keys, kinds, n)) continue;
        this.lastShapeByType.set(ev.type, id);
        return id;
      }
    } else {
      candidates = [];
      this.shapesByType.set(ev.type, candidates);
    }
    if (this.shapes.length >= MAX_SHAPES) return null;
    const shapeKinds = kinds.slice(0, n);
    const id =
      this.shapes.push({
        type: ev.type,
        keys: keys.slice(0, n),
        kinds: shapeKinds,
        slots: slotsInOrder(shapeKinds),
      }) - 1;
    candidates.push(id);
    this.lastShapeByType.set(ev.type, id);
    return id;
  }

  /**
   * Whether `record` has exactly `shape`'s keys and kinds, its values then in
   * the scratch array: the common case (an event like the last of its type)
   * without filling the scratch keys and kinds and comparing them after.
   */
  private matches(shape: Shape, record: Record<string, unknown>): boolean {
    const values = this.pendingValues;
    const n = shape.keys.length;
    let k = 0;
    for (const key in record) {
      if (k === n || key !== shape.keys[k]) return false;
      const value = record[key];
      if (kindOf(key, value) !== shape.kinds[k]) return false;
      values[k++] = value;
    }
    if (k !== n) return false;
    this.pendingCount = n;
    return true;
  }

  // The column sink's side (EventColumns): an engine event written as numbers.

  layoutShape(layout: number): number {
    let id = this.layoutShapes.get(layout);
    if (id === undefined) {
      // Never matched by `push`: its slots follow the layout, not the order of its values.
      id = this.shapes.push(layoutShapeOf(layout)) - 1;
      this.layoutShapes.set(layout, id);
    }
    return id;
  }

  stringId(s: string): number {
    return this.strings.id(s, s);
  }

  listId(list: readonly string[]): number {
    return this.lists.id(JSON.stringify(list), list.slice());
  }

  bigCount(n: number): number {
    return ~(this.numbers.push(n) - 1);
  }

  append(seq: number, t: number, shape: number, a: number, b: number, c: number, d: number): void {
    this.rows.add(seq, t, shape, a, b, c, d);
  }

  /** Gives back the spare capacity once the run is complete. */
  trim(): void {
    this.rows.trim();
  }

  /** Time of event `i` without building it (for searches). */
  timeAt(i: number): number {
    return this.rows.timeAt(i);
  }

  /** Type of event `i` without building it. */
  typeAt(i: number): string {
    const shapeId = this.rows.shapeAt(i);
    return shapeId === WHOLE ? this.overflow.get(i)!.type : this.shapes[shapeId]!.type;
  }

  /** Event `i`, rebuilt: a new object each call, keys in their recorded order. */
  get(i: number): TraceEvent {
    const rows = this.rows;
    const shapeId = rows.shapeAt(i);
    if (shapeId === WHOLE) return this.overflow.get(i)!;
    const shape = this.shapes[shapeId]!;
    const out: Record<string, unknown> = {};
    for (let k = 0; k < shape.keys.length; k++) {
      const key = shape.keys[k]!;
      const slot = shape.slots[k]!;
      switch (shape.kinds[k]!) {
        case Kind.Seq:
          out[key] = rows.seqAt(i);
          break;
        case Kind.T:
          out[key] = rows.timeAt(i);
          break;
        case Kind.Type:
          out[key] = shape.type;
          break;
        case Kind.Int:
          out[key] = rows.slotAt(i, slot);
          break;
        case Kind.Num:
          out[key] = this.numbers[rows.slotAt(i, slot)];
          break;
        case Kind.Count: {
          const v = rows.slotAt(i, slot);
          out[key] = v >= 0 ? v : this.numbers[~v];
          break;
        }
        case Kind.Str:
          out[key] = this.strings.values[rows.slotAt(i, slot)];
          break;
        case Kind.List:
          out[key] = this.lists.values[rows.slotAt(i, slot)]!.slice();
          break;
        case Kind.True:
          out[key] = true;
          break;
        case Kind.False:
          out[key] = false;
          break;
        case Kind.Null:
          out[key] = null;
          break;
      }
    }
    return out as unknown as TraceEvent;
  }

  /** Events with index in [from, to), rebuilt. */
  slice(from: number, to: number): TraceEvent[] {
    const size = this.rows.length;
    const start = Math.max(0, Math.min(size, from));
    const end = Math.max(start, Math.min(size, to));
    const out: TraceEvent[] = new Array<TraceEvent>(end - start);
    for (let i = start; i < end; i++) out[i - start] = this.get(i);
    return out;
  }

  /**
   * Every event, rebuilt one at a time: a pass over the whole run (the timeline's
   * lanes) then holds one event, not an array of a million that outlives the young
   * generation and is copied into the old one.
   */
  *each(): Generator<TraceEvent, void, undefined> {
    for (let i = 0; i < this.rows.length; i++) yield this.get(i);
  }

  /** Every event, rebuilt (for an export or a comparison; not kept). */
  toArray(): TraceEvent[] {
    return this.slice(0, this.rows.length);
  }

  /** Bytes held for the events: the columns, the side list and the intern tables' entries. */
  retainedBytes(): number {
    let bytes = this.rows.byteLength() + this.numbers.length * 8;
    // Strings at two bytes a character plus a pointer; whole events at a rough 100 bytes.
    for (const s of this.strings.values) bytes += 8 + 2 * s.length;
    for (const l of this.lists.values) for (const s of l) bytes += 8 + 2 * s.length;
    bytes += this.shapes.length * 64 + this.overflow.size * 100;
    return bytes;
  }
}
