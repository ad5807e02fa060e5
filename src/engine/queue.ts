/**
 * The agenda: pending operations ordered by time, then by insertion order, so
 * operations at the same instant run first-in first-out. Most operations are
 * scheduled for the current instant; they go to a plain FIFO (`now`), the
 * rest to a binary min-heap. Entries are plain records so that a snapshot
 * can copy both.
 */
export interface AgendaEntry {
  /** When it runs (ns). */
  t: number;
  /** Insertion order, the tie-break that makes same-time order deterministic. */
  order: number;
  /** What to do: one of `Op` (sim.ts). */
  op: number;
  /** What it acts on: a device, line, entity, indication... as the operation says. */
  target: number;
  /** The operation's second argument (a generation, a value, an owner...), 0 when unused. */
  arg: number;
}

function before(x: AgendaEntry, y: AgendaEntry): boolean {
  return x.t < y.t || (x.t === y.t && x.order < y.order);
}

export function heapPush(heap: AgendaEntry[], entry: AgendaEntry): void {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent] as AgendaEntry;
    if (!before(entry, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = entry;
}

export function heapPop(heap: AgendaEntry[]): AgendaEntry | undefined {
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
    if (r < n && before(heap[r] as AgendaEntry, heap[l] as AgendaEntry)) c = r;
    const child = heap[c] as AgendaEntry;
    if (!before(child, last)) break;
    heap[i] = child;
    i = c;
  }
  heap[i] = last;
  return top;
}

export interface Agenda {
  heap: AgendaEntry[];
  /** Operations for the current instant, in insertion order, from `nowHead` on. */
  now: AgendaEntry[];
  nowHead: number;
}

export function agendaPush(a: Agenda, entry: AgendaEntry, currentT: number): void {
  if (entry.t === currentT) a.now.push(entry);
  else heapPush(a.heap, entry);
}

/** The next operation without removing it. */
export function agendaPeek(a: Agenda): AgendaEntry | undefined {
  const h = a.heap[0];
  const f = a.now[a.nowHead];
  if (f === undefined) return h;
  if (h === undefined || before(f, h)) return f;
  return h;
}

export function agendaPop(a: Agenda): AgendaEntry | undefined {
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
