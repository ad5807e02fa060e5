/**
 * The agenda: pending operations ordered by time, then by insertion order, so
 * operations at the same instant run first-in first-out. Most operations are
 * scheduled for the current instant; they go to a plain FIFO (`now`), the
 * rest to a binary min-heap. Operations are plain records so that a snapshot
 * can copy both.
 */
export interface Op {
  /** When it runs (ns). */
  t: number;
  /** Insertion order, the tie-break that makes same-time order deterministic. */
  o: number;
  /** Operation kind (see `OpKind`). */
  k: number;
  a: number;
  b: number;
}

function before(x: Op, y: Op): boolean {
  return x.t < y.t || (x.t === y.t && x.o < y.o);
}

export function heapPush(heap: Op[], op: Op): void {
  heap.push(op);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent] as Op;
    if (!before(op, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = op;
}

export function heapPop(heap: Op[]): Op | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  let i = 0;
  const n = heap.length;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    let c = l;
    if (r < n && before(heap[r] as Op, heap[l] as Op)) c = r;
    const child = heap[c] as Op;
    if (!before(child, last)) break;
    heap[i] = child;
    i = c;
  }
  heap[i] = last;
  return top;
}

export interface Agenda {
  heap: Op[];
  /** Operations for the current instant, in insertion order, from `nowHead` on. */
  now: Op[];
  nowHead: number;
}

export function agendaPush(a: Agenda, op: Op, currentT: number): void {
  if (op.t === currentT) a.now.push(op);
  else heapPush(a.heap, op);
}

/** The next operation without removing it. */
export function agendaPeek(a: Agenda): Op | undefined {
  const h = a.heap[0];
  const f = a.now[a.nowHead];
  if (f === undefined) return h;
  if (h === undefined || before(f, h)) return f;
  return h;
}

export function agendaPop(a: Agenda): Op | undefined {
  const h = a.heap[0];
  const f = a.now[a.nowHead];
  if (f !== undefined && (h === undefined || before(f, h))) {
    a.nowHead += 1;
    if (a.nowHead === a.now.length) {
      a.now.length = 0;
      a.nowHead = 0;
    }
    return f;
  }
  return heapPop(a.heap);
}
