/**
 * The agenda: pending operations ordered by time, then by insertion order, so
 * operations at the same instant run first-in first-out. Most operations are
 * scheduled for the current instant; they go to a plain FIFO (`now`), the
 * rest to a list sorted latest first (`later`): the next is taken off its end,
 * and a new entry, which mostly runs soon, moves only the few entries that run
 * before it. Both are packed in Float64Arrays, one entry per
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
  /** Later entries, `laterSize` of them, sorted latest first: the next is the last. */
  later: Float64Array;
  laterSize: number;
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
    later: new Float64Array(64 * STRIDE),
    laterSize: 0,
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
  if ((a.laterSize + 1) * STRIDE > a.later.length) a.later = grown(a.later);
  const x = a.later;
  // Binary search for the first entry that runs before the new one (the list is latest first).
  let lo = 0;
  let hi = a.laterSize;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = mid * STRIDE;
    const mt = x[m + T]!;
    if (mt < t || (mt === t && x[m + ORDER]! < order)) hi = mid;
    else lo = mid + 1;
  }
  // New entries mostly run soon, so few entries follow the slot and move.
  if (lo < a.laterSize) x.copyWithin((lo + 1) * STRIDE, lo * STRIDE, a.laterSize * STRIDE);
  write(x, lo * STRIDE, t, order, op, target, arg);
  a.laterSize += 1;
}

export function agendaEmpty(a: Agenda): boolean {
  return a.nowHead === a.nowTail && a.laterSize === 0;
}

function nextIsNow(a: Agenda): boolean {
  return (
    a.nowHead < a.nowTail &&
    (a.laterSize === 0 || before(a.now, a.nowHead * STRIDE, a.later, (a.laterSize - 1) * STRIDE))
  );
}

/** When the next entry runs (the agenda must not be empty). */
export function agendaNextT(a: Agenda): number {
  return nextIsNow(a) ? a.now[a.nowHead * STRIDE + T]! : a.later[(a.laterSize - 1) * STRIDE + T]!;
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
  a.laterSize -= 1;
  const j = a.laterSize * STRIDE;
  const x = a.later;
  a.t = x[j + T]!;
  a.op = x[j + OP]!;
  a.target = x[j + TARGET]!;
  a.arg = x[j + ARG]!;
}
