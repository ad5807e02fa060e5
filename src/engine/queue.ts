/**
 * The agenda: pending operations ordered by time, then by insertion order, so
 * operations at the same instant run first-in first-out. Most operations are
 * scheduled for the current instant; they go to a plain FIFO (`now`), the
 * rest to a binary min-heap. Both are packed in Float64Arrays, one entry per
 * STRIDE numbers (time, order, operation, target, argument), so scheduling
 * allocates nothing and a snapshot is a copy of two arrays (see cloneState).
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
  /** Future entries, a binary min-heap of `heapSize` entries. */
  heap: Float64Array;
  heapSize: number;
  /** The entry `agendaTake` removed last: when it runs (ns), its `Op`, target and argument. */
  t: number;
  op: number;
  target: number;
  arg: number;
}

export function createAgenda(): Agenda {
  return {
    now: new Float64Array(64 * STRIDE),
    nowHead: 0,
    nowTail: 0,
    heap: new Float64Array(64 * STRIDE),
    heapSize: 0,
    t: 0,
    op: 0,
    target: 0,
    arg: 0,
  };
}

function grown(a: Float64Array): Float64Array {
  const out = new Float64Array(a.length * 2);
  out.set(a);
  return out;
}

/** Entry i of `x` before entry j of `y`: earlier, or as early and inserted first. */
function before(x: Float64Array, i: number, y: Float64Array, j: number): boolean {
  const ti = x[i + T]!;
  const tj = y[j + T]!;
  return ti < tj || (ti === tj && x[i + ORDER]! < y[j + ORDER]!);
}

function write(
  x: Float64Array,
  i: number,
  t: number,
  order: number,
  op: number,
  target: number,
  arg: number,
): void {
  x[i + T] = t;
  x[i + ORDER] = order;
  x[i + OP] = op;
  x[i + TARGET] = target;
  x[i + ARG] = arg;
}

function copyEntry(x: Float64Array, to: number, from: number): void {
  x[to + T] = x[from + T]!;
  x[to + ORDER] = x[from + ORDER]!;
  x[to + OP] = x[from + OP]!;
  x[to + TARGET] = x[from + TARGET]!;
  x[to + ARG] = x[from + ARG]!;
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
    if ((a.nowTail + 1) * STRIDE > a.now.length) a.now = grown(a.now);
    write(a.now, a.nowTail * STRIDE, t, order, op, target, arg);
    a.nowTail += 1;
    return;
  }
  if ((a.heapSize + 1) * STRIDE > a.heap.length) a.heap = grown(a.heap);
  const h = a.heap;
  // Sift up with a hole: parents later than the new entry move down, it is written once.
  let i = a.heapSize++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = parent * STRIDE;
    const pt = h[p + T]!;
    if (pt < t || (pt === t && h[p + ORDER]! < order)) break;
    copyEntry(h, i * STRIDE, p);
    i = parent;
  }
  write(h, i * STRIDE, t, order, op, target, arg);
}

export function agendaEmpty(a: Agenda): boolean {
  return a.nowHead === a.nowTail && a.heapSize === 0;
}

function nextIsNow(a: Agenda): boolean {
  return (
    a.nowHead < a.nowTail && (a.heapSize === 0 || before(a.now, a.nowHead * STRIDE, a.heap, 0))
  );
}

/** When the next entry runs (the agenda must not be empty). */
export function agendaNextT(a: Agenda): number {
  return nextIsNow(a) ? a.now[a.nowHead * STRIDE + T]! : a.heap[T]!;
}

/** Removes the next entry into `a.t`, `a.op`, `a.target`, `a.arg` (the agenda must not be empty). */
export function agendaTake(a: Agenda): void {
  if (nextIsNow(a)) {
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
  a.t = h[T]!;
  a.op = h[OP]!;
  a.target = h[TARGET]!;
  a.arg = h[ARG]!;
  const n = --a.heapSize;
  if (n === 0) return;
  // Sift down with a hole: the last entry is held aside, earlier children move up.
  const last = n * STRIDE;
  const lt = h[last + T]!;
  const lo = h[last + ORDER]!;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && before(h, r * STRIDE, h, l * STRIDE) ? r : l;
    const ct = h[c * STRIDE + T]!;
    if (ct > lt || (ct === lt && h[c * STRIDE + ORDER]! > lo)) break;
    copyEntry(h, i * STRIDE, c * STRIDE);
    i = c;
  }
  copyEntry(h, i * STRIDE, last);
}
