/**
 * The agenda: pending operations ordered by time, then by insertion order, so
 * operations at the same instant run first-in first-out. Most operations are
 * scheduled for the current instant; they go to a plain FIFO (`now`, packed
 * STRIDE numbers an entry: time, order, operation, target, argument). The
 * rest are later: each waits in a slot, chained into the bucket of its
 * instant, and a binary min-heap orders the buckets. Entities that run in
 * step (a broadcast to many VMs with the same costs) schedule many entries
 * for one instant in a row: they join one bucket and the heap moves only for
 * the first. Scheduling allocates nothing, and a snapshot copies the typed
 * arrays (see cloneState).
 */
const STRIDE = 5;
const T = 0;
const ORDER = 1;
const OP = 2;
const TARGET = 3;
const ARG = 4;
/** Marks the end of a bucket's chain, and "no bucket" in `lastBucket`. */
const NONE = -1;

export interface Agenda {
  /** Current-instant entries, in insertion order, from `nowHead` to `nowTail` (entry indices). */
  now: Float64Array;
  nowHead: number;
  nowTail: number;
  /** Later entries by slot: operation, target and argument (three numbers a slot), next in bucket. */
  work: Float64Array;
  next: Int32Array;
  freeSlots: Int32Array;
  freeSlotCount: number;
  /** Buckets: their instant, the order of their first entry, their first and last slots. */
  bucketT: Float64Array;
  bucketOrder: Float64Array;
  bucketHead: Int32Array;
  bucketTail: Int32Array;
  freeBuckets: Int32Array;
  freeBucketCount: number;
  /** Buckets with entries, a binary min-heap by instant, then first order. */
  heap: Int32Array;
  heapSize: number;
  /**
   * The bucket the last later entry joined, while it has entries. A new entry for
   * the same instant joins it: every entry of a bucket made since is for another
   * instant, so no entry can come between.
   */
  lastBucket: number;
  /** The entry `agendaTake` removed last: when it runs (ns), its `Op`, target and argument. */
  t: number;
  op: number;
  target: number;
  arg: number;
}

const INITIAL = 64;

function countdown(n: number, from = 0): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => from + n - 1 - i);
}

export function createAgenda(): Agenda {
  return {
    now: new Float64Array(INITIAL * STRIDE),
    nowHead: 0,
    nowTail: 0,
    work: new Float64Array(INITIAL * 3),
    next: new Int32Array(INITIAL),
    freeSlots: countdown(INITIAL),
    freeSlotCount: INITIAL,
    bucketT: new Float64Array(INITIAL),
    bucketOrder: new Float64Array(INITIAL),
    bucketHead: new Int32Array(INITIAL),
    bucketTail: new Int32Array(INITIAL),
    freeBuckets: countdown(INITIAL),
    freeBucketCount: INITIAL,
    heap: new Int32Array(INITIAL),
    heapSize: 0,
    lastBucket: NONE,
    t: 0,
    op: 0,
    target: 0,
    arg: 0,
  };
}

function grown<A extends Float64Array | Int32Array>(a: A, length: number): A {
  const out = (a instanceof Float64Array ? new Float64Array(length) : new Int32Array(length)) as A;
  out.set(a);
  return out;
}

/** A free list of `n` ids doubled to `2n`: the new ids `n..2n-1` are free, after `count` others. */
function grownFree(free: Int32Array, count: number, n: number): Int32Array {
  const out = grown(free, 2 * n);
  out.set(countdown(n, n), count);
  return out;
}

/** Twice the slots and buckets (a bucket holds at least one slot, so never more buckets). */
function grow(a: Agenda): void {
  const n = a.next.length;
  a.work = grown(a.work, 6 * n);
  a.next = grown(a.next, 2 * n);
  a.freeSlots = grownFree(a.freeSlots, a.freeSlotCount, n);
  a.freeSlotCount += n;
  a.bucketT = grown(a.bucketT, 2 * n);
  a.bucketOrder = grown(a.bucketOrder, 2 * n);
  a.bucketHead = grown(a.bucketHead, 2 * n);
  a.bucketTail = grown(a.bucketTail, 2 * n);
  a.freeBuckets = grownFree(a.freeBuckets, a.freeBucketCount, n);
  a.freeBucketCount += n;
  a.heap = grown(a.heap, 2 * n);
}

/** Bucket i before bucket j: an earlier instant, or the same one and made first. */
function bucketBefore(a: Agenda, i: number, j: number): boolean {
  const ti = a.bucketT[i]!;
  const tj = a.bucketT[j]!;
  return ti < tj || (ti === tj && a.bucketOrder[i]! < a.bucketOrder[j]!);
}

/** Schedule an entry; `currentT` is the engine's time (an entry for it joins the FIFO). */
export function agendaPush(
  a: Agenda,
  t: number,
  order: number,
  op: number,
  target: number,
  arg: number,
  currentT: number,
): void {
  if (t === currentT) {
    if ((a.nowTail + 1) * STRIDE > a.now.length) a.now = grown(a.now, 2 * a.now.length);
    const x = a.now;
    const i = a.nowTail * STRIDE;
    x[i + T] = t;
    x[i + ORDER] = order;
    x[i + OP] = op;
    x[i + TARGET] = target;
    x[i + ARG] = arg;
    a.nowTail += 1;
    return;
  }
  if (a.freeSlotCount === 0) grow(a);
  const slot = a.freeSlots[--a.freeSlotCount]!;
  a.work[3 * slot] = op;
  a.work[3 * slot + 1] = target;
  a.work[3 * slot + 2] = arg;
  a.next[slot] = NONE;
  const last = a.lastBucket;
  if (last !== NONE && a.bucketT[last] === t) {
    a.next[a.bucketTail[last]!] = slot;
    a.bucketTail[last] = slot;
    return;
  }
  const b = a.freeBuckets[--a.freeBucketCount]!;
  a.bucketT[b] = t;
  a.bucketOrder[b] = order;
  a.bucketHead[b] = slot;
  a.bucketTail[b] = slot;
  a.lastBucket = b;
  const h = a.heap;
  // Sift up with a hole: parents that run later move down, the new bucket is written once.
  let i = a.heapSize++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = h[parent]!;
    if (!bucketBefore(a, b, p)) break;
    h[i] = p;
    i = parent;
  }
  h[i] = b;
}

export function agendaEmpty(a: Agenda): boolean {
  return a.nowHead === a.nowTail && a.heapSize === 0;
}

/**
 * Whether the next entry is the FIFO's (else the heap's; the agenda must not be
 * empty). FIFO entries run at the current instant and were scheduled at it, so
 * a later entry for the same instant, scheduled before it came, is older and
 * goes first.
 */
export function agendaNextIsNow(a: Agenda): boolean {
  if (a.nowHead === a.nowTail) return false;
  return a.heapSize === 0 || a.bucketT[a.heap[0]!]! > a.now[a.nowHead * STRIDE + T]!;
}

/** When the next entry runs; `fromNow` as `agendaNextIsNow` says. */
export function agendaNextT(a: Agenda, fromNow: boolean): number {
  return fromNow ? a.now[a.nowHead * STRIDE + T]! : a.bucketT[a.heap[0]!]!;
}

/** Removes the next entry into `a.t`, `a.op`, `a.target`, `a.arg`; `fromNow` as `agendaNextIsNow` says. */
export function agendaTake(a: Agenda, fromNow: boolean): void {
  if (fromNow) {
    const i = a.nowHead * STRIDE;
    const x = a.now;
    a.t = x[i + T]!;
    a.op = x[i + OP]!;
    a.target = x[i + TARGET]!;
    a.arg = x[i + ARG]!;
    a.nowHead += 1;
    if (a.nowHead === a.nowTail) {
      a.nowHead = 0;
      a.nowTail = 0;
    }
    return;
  }
  const h = a.heap;
  const b = h[0]!;
  const slot = a.bucketHead[b]!;
  a.t = a.bucketT[b]!;
  a.op = a.work[3 * slot]!;
  a.target = a.work[3 * slot + 1]!;
  a.arg = a.work[3 * slot + 2]!;
  a.freeSlots[a.freeSlotCount++] = slot;
  const rest = a.next[slot]!;
  if (rest !== NONE) {
    // The bucket keeps its place: its other entries are for the same instant, and later.
    a.bucketHead[b] = rest;
    return;
  }
  a.freeBuckets[a.freeBucketCount++] = b;
  if (a.lastBucket === b) a.lastBucket = NONE;
  const n = --a.heapSize;
  if (n === 0) return;
  // Sift down with a hole: the last bucket is held aside, earlier children move up.
  const moved = h[n]!;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && bucketBefore(a, h[r]!, h[l]!) ? r : l;
    const child = h[c]!;
    if (!bucketBefore(a, child, moved)) break;
    h[i] = child;
    i = c;
  }
  h[i] = moved;
}
