/**
 * The agenda: pending operations ordered by time, then by insertion order, so
 * operations at the same instant run first-in first-out. Most operations are
 * scheduled for the current instant; they go to a plain FIFO (`now`, packed
 * STRIDE numbers an entry: time, order, operation, target, argument). The
 * rest wait in slots (one typed array per field) ordered by a binary min-heap
 * of slot numbers, so sifting moves one integer. Scheduling allocates
 * nothing, and a snapshot copies a few typed arrays (see cloneState).
 */
const STRIDE = 5;
const T = 0;
const ORDER = 1;
const OP = 2;
const TARGET = 3;
const ARG = 4;

export interface Agenda {
  /** Current-instant entries, in insertion order, from `nowHead` to `nowTail` (entry indices). */
  now: Float64Array;
  nowHead: number;
  nowTail: number;
  /** Later entries: their fields by slot, the free slots, and the heap of used slots. */
  slotT: Float64Array;
  slotOrder: Float64Array;
  /** Operation, target and argument of each slot: three numbers a slot. */
  slotWork: Float64Array;
  free: Int32Array;
  freeCount: number;
  heap: Int32Array;
  heapSize: number;
  /** The entry `agendaTake` removed last: when it runs (ns), its `Op`, target and argument. */
  t: number;
  op: number;
  target: number;
  arg: number;
}

const INITIAL = 64;

export function createAgenda(): Agenda {
  return {
    now: new Float64Array(INITIAL * STRIDE),
    nowHead: 0,
    nowTail: 0,
    slotT: new Float64Array(INITIAL),
    slotOrder: new Float64Array(INITIAL),
    slotWork: new Float64Array(INITIAL * 3),
    free: Int32Array.from({ length: INITIAL }, (_, i) => INITIAL - 1 - i),
    freeCount: INITIAL,
    heap: new Int32Array(INITIAL),
    heapSize: 0,
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

/** Twice the slots: the new ones are free. */
function growSlots(a: Agenda): void {
  const n = a.slotT.length;
  a.slotT = grown(a.slotT, 2 * n);
  a.slotOrder = grown(a.slotOrder, 2 * n);
  a.slotWork = grown(a.slotWork, 6 * n);
  a.heap = grown(a.heap, 2 * n);
  a.free = grown(a.free, 2 * n);
  for (let i = 2 * n - 1; i >= n; i--) a.free[a.freeCount++] = i;
}

/** Slot i before slot j: earlier, or as early and inserted first. */
function slotBefore(a: Agenda, i: number, j: number): boolean {
  const ti = a.slotT[i]!;
  const tj = a.slotT[j]!;
  return ti < tj || (ti === tj && a.slotOrder[i]! < a.slotOrder[j]!);
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
  if (a.freeCount === 0) growSlots(a);
  const slot = a.free[--a.freeCount]!;
  a.slotT[slot] = t;
  a.slotOrder[slot] = order;
  a.slotWork[3 * slot] = op;
  a.slotWork[3 * slot + 1] = target;
  a.slotWork[3 * slot + 2] = arg;
  const h = a.heap;
  // Sift up with a hole: parents that run later move down, the new slot is written once.
  let i = a.heapSize++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = h[parent]!;
    if (!slotBefore(a, slot, p)) break;
    h[i] = p;
    i = parent;
  }
  h[i] = slot;
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
  return a.heapSize === 0 || a.slotT[a.heap[0]!]! > a.now[a.nowHead * STRIDE + T]!;
}

/** When the next entry runs; `fromNow` as `agendaNextIsNow` says. */
export function agendaNextT(a: Agenda, fromNow: boolean): number {
  return fromNow ? a.now[a.nowHead * STRIDE + T]! : a.slotT[a.heap[0]!]!;
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
  const top = h[0]!;
  a.t = a.slotT[top]!;
  a.op = a.slotWork[3 * top]!;
  a.target = a.slotWork[3 * top + 1]!;
  a.arg = a.slotWork[3 * top + 2]!;
  a.free[a.freeCount++] = top;
  const n = --a.heapSize;
  if (n === 0) return;
  // Sift down with a hole: the last slot is held aside, earlier children move up.
  const last = h[n]!;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && slotBefore(a, h[r]!, h[l]!) ? r : l;
    const child = h[c]!;
    if (!slotBefore(a, child, last)) break;
    h[i] = child;
    i = c;
  }
  h[i] = last;
}
