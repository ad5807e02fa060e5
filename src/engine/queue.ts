/**
 * The agenda: pending operations ordered by time, then by insertion order, so
 * operations at the same instant run first-in first-out. Most operations are
 * scheduled for the current instant; they go to a plain FIFO (`now`, packed
 * STRIDE numbers an entry: operation, target, argument). The rest are later:
 * each waits in a slot, chained into the bucket of its instant, and a binary
 * min-heap orders the buckets. Entities that run in step (a broadcast to many
 * VMs with the same costs) schedule many entries for one instant in a row:
 * they join one bucket and the heap moves only for the first. The two soonest
 * later entries are held apart in plain fields (the first and the second) and
 * reach the heap only when a sooner one comes. Scheduling
 * allocates nothing, and a snapshot copies the typed arrays (see cloneState).
 *
 * Operation, target and argument are small integers and live in Int32Arrays,
 * not Float64Arrays: a value read from an Int32Array is a Smi to V8, so the
 * `switch` in dispatch.ts compiles to a jump table and the handlers get Smi
 * arguments (a Float64 read would be a double, boxed into a new HeapNumber at
 * every call that is not inlined, and an array index that needs a check).
 * Times stay Float64 (nanoseconds pass 2^31 after two simulated seconds).
 */
const STRIDE = 3;
const OP = 0;
const TARGET = 1;
const ARG = 2;
/** Marks the end of a bucket's chain, and "no bucket" in `lastBucket`. */
const NONE = -1;

export interface Agenda {
  /**
   * Current-instant entries, in insertion order, from `nowHead` to `nowTail`
   * (entry indices), all at `nowT`: an entry joins the FIFO only at the
   * current instant, and the current instant cannot pass while the FIFO holds
   * one (every other entry is at it or later), so one time serves them all.
   */
  now: Int32Array;
  nowT: number;
  nowHead: number;
  nowTail: number;
  /** Later entries by slot: operation, target and argument (three numbers a slot), next in bucket. */
  work: Int32Array;
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
  /**
   * One later entry that runs before every entry of the heap, held in plain
   * fields (`hasFirst` false: none). Most later entries are the soonest of all
   * when they are made (the host's next read after a configuration read, an
   * ISR's next call): such an entry is written here and taken from here, with
   * no slot, no bucket and no sift up and down through the heap.
   */
  hasFirst: boolean;
  firstT: number;
  firstOrder: number;
  firstOp: number;
  firstTarget: number;
  firstArg: number;
  /**
   * The later entry that runs next after the first one (only while there is a
   * first), before every entry of the heap: the same plain fields. Why a second:
   * a selective host's next read and an ISR's next call are often both pending,
   * each the soonest when it is made; with one field, every such pair sent one of
   * them through a bucket and the heap (a third of all later entries, measured).
   */
  hasSecond: boolean;
  secondT: number;
  secondOrder: number;
  secondOp: number;
  secondTarget: number;
  secondArg: number;
  /**
   * An entry sooner than this (and not sooner than the first) becomes the second:
   * the second's instant while there is one, else the heap's first bucket's while
   * there is a first, else -Infinity (with no first, a later entry is either the
   * first or in the heap).
   */
  secondBound: number;
  /** The other later entries' buckets, a binary min-heap by instant, then first order. */
  heap: Int32Array;
  heapSize: number;
  /**
   * When the next later entry runs (the first entry's instant, else the heap's first
   * bucket's), Infinity when there is none. Kept up to date by every push and take, so
   * that the loop's two questions, "is the agenda empty" and "does the FIFO go first",
   * and the push's "is this the soonest", are one field each, not a chain of branches.
   */
  laterT: number;
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
    now: new Int32Array(INITIAL * STRIDE),
    nowT: 0,
    nowHead: 0,
    nowTail: 0,
    work: new Int32Array(INITIAL * STRIDE),
    next: new Int32Array(INITIAL),
    freeSlots: countdown(INITIAL),
    freeSlotCount: INITIAL,
    bucketT: new Float64Array(INITIAL),
    bucketOrder: new Float64Array(INITIAL),
    bucketHead: new Int32Array(INITIAL),
    bucketTail: new Int32Array(INITIAL),
    freeBuckets: countdown(INITIAL),
    freeBucketCount: INITIAL,
    hasFirst: false,
    firstT: 0,
    firstOrder: 0,
    firstOp: 0,
    firstTarget: 0,
    firstArg: 0,
    hasSecond: false,
    secondT: 0,
    secondOrder: 0,
    secondOp: 0,
    secondTarget: 0,
    secondArg: 0,
    secondBound: -Infinity,
    heap: new Int32Array(INITIAL),
    heapSize: 0,
    laterT: Infinity,
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
  a.work = grown(a.work, 2 * STRIDE * n);
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

/**
 * Schedule an entry; `currentT` is the engine's time (an entry for it joins the FIFO).
 * Kept small on purpose: V8 inlines it into the handlers' `scheduleIn` only under its
 * bytecode limits, and a call that is not inlined boxes both times (doubles) into new
 * HeapNumbers. So the common paths (the FIFO, the soonest entry) are written here and
 * the others are calls, with integers only where they are common (joining a bucket).
 */
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
    const i = a.nowTail * STRIDE;
    if (i === a.now.length) growNow(a);
    const x = a.now;
    a.nowT = t;
    x[i + OP] = op;
    x[i + TARGET] = target;
    x[i + ARG] = arg;
    a.nowTail += 1;
    return;
  }
  if (t < a.laterT) {
    // Strictly sooner than every other later entry: it is the next one.
    // The old first is second now; with none, the heap bounds the second.
    if (a.hasFirst) demoteFirst(a);
    else a.secondBound = a.laterT;
    a.hasFirst = true;
    a.laterT = t;
    a.firstT = t;
    a.firstOrder = order;
    a.firstOp = op;
    a.firstTarget = target;
    a.firstArg = arg;
    return;
  }
  if (t < a.secondBound) {
    pushSecond(a, t, order, op, target, arg);
    return;
  }
  // Neither: into the bucket of its instant, the last one made (entities in step
  // all join one; a call with integers only) or a new one.
  const last = a.lastBucket;
  if (last !== NONE && a.bucketT[last] === t) joinBucket(a, last, op, target, arg);
  else pushNewBucket(a, t, order, op, target, arg);
}

/** The entry becomes the second; a second it comes before goes to the heap. */
function pushSecond(
  a: Agenda,
  t: number,
  order: number,
  op: number,
  target: number,
  arg: number,
): void {
  if (a.hasSecond) demoteSecond(a);
  a.hasSecond = true;
  a.secondBound = t;
  a.secondT = t;
  a.secondOrder = order;
  a.secondOp = op;
  a.secondTarget = target;
  a.secondArg = arg;
}

/**
 * A new bucket for the entry's instant, the one later entries of that instant join.
 * Its own call, not written in agendaPush: that would take agendaPush past the size
 * V8 inlines into the handlers (measured: it then ran as a call, boxing both times).
 */
function pushNewBucket(
  a: Agenda,
  t: number,
  order: number,
  op: number,
  target: number,
  arg: number,
): void {
  a.lastBucket = newBucket(a, t, order, newSlot(a, op, target, arg));
}

/** An entry at the end of bucket `b`'s chain. */
function joinBucket(a: Agenda, b: number, op: number, target: number, arg: number): void {
  const slot = newSlot(a, op, target, arg);
  a.next[a.bucketTail[b]!] = slot;
  a.bucketTail[b] = slot;
}

function growNow(a: Agenda): void {
  a.now = grown(a.now, 2 * a.now.length);
}

/** A slot holding an entry's operation, target and argument, the end of its chain. */
function newSlot(a: Agenda, op: number, target: number, arg: number): number {
  if (a.freeSlotCount === 0) grow(a);
  const slot = a.freeSlots[--a.freeSlotCount]!;
  const w = a.work;
  const k = slot * STRIDE;
  w[k + OP] = op;
  w[k + TARGET] = target;
  w[k + ARG] = arg;
  a.next[slot] = NONE;
  return slot;
}

/** A bucket for instant `t` starting with `slot`, placed in the heap; returns it. */
function newBucket(a: Agenda, t: number, order: number, slot: number): number {
  const b = a.freeBuckets[--a.freeBucketCount]!;
  a.bucketT[b] = t;
  a.bucketOrder[b] = order;
  a.bucketHead[b] = slot;
  a.bucketTail[b] = slot;
  heapInsert(a, b);
  return b;
}

/**
 * The first entry makes way for a sooner one: it becomes the second (it is
 * sooner than every other), and a second it displaces goes to the heap.
 */
function demoteFirst(a: Agenda): void {
  pushSecond(a, a.firstT, a.firstOrder, a.firstOp, a.firstTarget, a.firstArg);
}

/**
 * The second makes way for a sooner one: into the heap, in a bucket of its own
 * that nothing joins (entries of its instant made since are newer, and went to
 * the heap already), so `lastBucket` stays as it is.
 */
function demoteSecond(a: Agenda): void {
  const slot = newSlot(a, a.secondOp, a.secondTarget, a.secondArg);
  newBucket(a, a.secondT, a.secondOrder, slot);
  a.hasSecond = false;
}

/** Sift up with a hole: parents that run later move down, the new bucket is written once. */
function heapInsert(a: Agenda, b: number): void {
  const h = a.heap;
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

/** Removes the heap's first bucket. Sift down with a hole: the last bucket is held aside, earlier children move up. */
function heapRemoveFirst(a: Agenda): void {
  const h = a.heap;
  const n = --a.heapSize;
  if (n === 0) return;
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

/** Whether the FIFO's last entry is operation `op` on `target` (any argument). */
export function agendaNowEndsWith(a: Agenda, op: number, target: number): boolean {
  if (a.nowHead === a.nowTail) return false;
  const i = (a.nowTail - 1) * STRIDE;
  return a.now[i + OP] === op && a.now[i + TARGET] === target;
}

export function agendaEmpty(a: Agenda): boolean {
  return a.nowHead === a.nowTail && a.laterT === Infinity;
}

/** `laterT` once the first entry or the heap's first bucket has changed. */
function heapFirstT(a: Agenda): number {
  return a.heapSize === 0 ? Infinity : a.bucketT[a.heap[0]!]!;
}

/**
 * Whether the next entry is the FIFO's (else a later one's; the agenda must not
 * be empty). FIFO entries run at the current instant and were scheduled at it,
 * so a later entry for the same instant, scheduled before it came, is older and
 * goes first.
 */
export function agendaNextIsNow(a: Agenda): boolean {
  return a.nowHead !== a.nowTail && a.laterT > a.nowT;
}

/** When the next entry runs; `fromNow` as `agendaNextIsNow` says. */
export function agendaNextT(a: Agenda, fromNow: boolean): number {
  return fromNow ? a.nowT : a.laterT;
}

/** The first has been taken: the second is the first now, and nothing is second. */
function secondToFirst(a: Agenda): void {
  a.hasSecond = false;
  a.laterT = a.secondT;
  a.firstT = a.secondT;
  a.firstOrder = a.secondOrder;
  a.firstOp = a.secondOp;
  a.firstTarget = a.secondTarget;
  a.firstArg = a.secondArg;
  a.secondBound = heapFirstT(a);
}

/** Removes the next entry into `a.t`, `a.op`, `a.target`, `a.arg`; `fromNow` as `agendaNextIsNow` says. */
export function agendaTake(a: Agenda, fromNow: boolean): void {
  if (fromNow) {
    const i = a.nowHead * STRIDE;
    const x = a.now;
    a.t = a.nowT;
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
  if (a.hasFirst) {
    a.t = a.firstT;
    a.op = a.firstOp;
    a.target = a.firstTarget;
    a.arg = a.firstArg;
    if (a.hasSecond) secondToFirst(a);
    else {
      a.hasFirst = false;
      a.laterT = heapFirstT(a);
      a.secondBound = -Infinity;
    }
    return;
  }
  const b = a.heap[0]!;
  const slot = a.bucketHead[b]!;
  a.t = a.bucketT[b]!;
  const w = a.work;
  const k = slot * STRIDE;
  a.op = w[k + OP]!;
  a.target = w[k + TARGET]!;
  a.arg = w[k + ARG]!;
  a.freeSlots[a.freeSlotCount++] = slot;
  const rest = a.next[slot]!;
  if (rest !== NONE) {
    // The bucket keeps its place: its other entries are for the same instant, and later.
    a.bucketHead[b] = rest;
    return;
  }
  a.freeBuckets[a.freeBucketCount++] = b;
  if (a.lastBucket === b) a.lastBucket = NONE;
  heapRemoveFirst(a);
  a.laterT = heapFirstT(a);
}
