import { SLOTS } from '../engine/column-layout';

/** Events per chunk once a store is past its first: 65,536 (about 2 MB of columns). */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;
/** The first chunk starts small and doubles up to CHUNK, so a short run stays small. */
const FIRST = 1024;

/**
 * The rows of the columnar event store: per event its seq, time, shape and
 * SLOTS 32-bit slots, in typed arrays. The columns are kept in chunks of
 * CHUNK events, so a growing run never copies what it has written (only the
 * first chunk grows by doubling) and holds at most one chunk of spare room.
 */
export class EventRows {
  private size = 0;
  private readonly seqChunks: Int32Array[] = [];
  private readonly timeChunks: Float64Array[] = [];
  private readonly shapeChunks: Uint16Array[] = [];
  private readonly slotChunks: Int32Array[] = [];
  // The chunk being filled: its columns, its capacity and the next free row in it.
  private seqs = new Int32Array(0);
  private times = new Float64Array(0);
  private shapes = new Uint16Array(0);
  private slots = new Int32Array(0);
  private capacity = 0;
  private row = 0;

  get length(): number {
    return this.size;
  }

  add(seq: number, t: number, shape: number, a: number, b: number, c: number, d: number): void {
    if (this.row === this.capacity) this.makeRoom();
    const j = this.row++;
    this.size += 1;
    this.seqs[j] = seq;
    this.times[j] = t;
    this.shapes[j] = shape;
    const slots = this.slots;
    const p = j * SLOTS;
    slots[p] = a;
    slots[p + 1] = b;
    slots[p + 2] = c;
    slots[p + 3] = d;
  }

  private makeRoom(): void {
    const chunks = this.slotChunks.length;
    // A chunk not yet full size (the first, or one trimmed) grows in place; a full one is followed.
    if (chunks > 0 && this.capacity < CHUNK) {
      this.resizeLast(Math.max(FIRST, Math.min(CHUNK, this.capacity * 2)));
      return;
    }
    this.capacity = chunks === 0 ? FIRST : CHUNK;
    this.row = 0;
    this.seqs = new Int32Array(this.capacity);
    this.times = new Float64Array(this.capacity);
    this.shapes = new Uint16Array(this.capacity);
    this.slots = new Int32Array(this.capacity * SLOTS);
    this.seqChunks.push(this.seqs);
    this.timeChunks.push(this.times);
    this.shapeChunks.push(this.shapes);
    this.slotChunks.push(this.slots);
  }

  /** Gives the chunk being filled `capacity` rows, keeping its first `row` rows. */
  private resizeLast(capacity: number): void {
    const n = this.row;
    const last = this.slotChunks.length - 1;
    this.seqs = copied(this.seqs, new Int32Array(capacity), n);
    this.times = copied(this.times, new Float64Array(capacity), n);
    this.shapes = copied(this.shapes, new Uint16Array(capacity), n);
    this.slots = copied(this.slots, new Int32Array(capacity * SLOTS), n * SLOTS);
    this.seqChunks[last] = this.seqs;
    this.timeChunks[last] = this.times;
    this.shapeChunks[last] = this.shapes;
    this.slotChunks[last] = this.slots;
    this.capacity = capacity;
  }

  /** Gives back the spare rows of the last chunk once the run is complete. */
  trim(): void {
    if (this.row < this.capacity) this.resizeLast(this.row);
  }

  seqAt(i: number): number {
    return this.seqChunks[i >>> CHUNK_BITS]![i & MASK]!;
  }
  timeAt(i: number): number {
    return this.timeChunks[i >>> CHUNK_BITS]![i & MASK]!;
  }
  shapeAt(i: number): number {
    return this.shapeChunks[i >>> CHUNK_BITS]![i & MASK]!;
  }
  /** Slot `k` of event `i`. */
  slotAt(i: number, k: number): number {
    return this.slotChunks[i >>> CHUNK_BITS]![(i & MASK) * SLOTS + k]!;
  }

  /** Bytes of the columns, spare rows included. */
  byteLength(): number {
    let bytes = 0;
    for (let c = 0; c < this.slotChunks.length; c++) {
      bytes += this.seqChunks[c]!.byteLength + this.timeChunks[c]!.byteLength;
      bytes += this.shapeChunks[c]!.byteLength + this.slotChunks[c]!.byteLength;
    }
    return bytes;
  }
}

function copied<A extends Int32Array | Float64Array | Uint16Array>(from: A, to: A, n: number): A {
  to.set(from.subarray(0, n) as never);
  return to;
}
