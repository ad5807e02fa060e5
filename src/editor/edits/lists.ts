/** Copy-on-write list edits: a draft's arrays are never changed in place, so history keeps every version. */

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

/** Inserts keeping time order; equal times keep the order they were added in. */
export function insertByTime<T extends { at: number }>(items: readonly T[], item: T): T[] {
  const index = items.findIndex((x) => x.at > item.at);
  const copy = items.slice();
  copy.splice(index === -1 ? copy.length : index, 0, item);
  return copy;
}

export function sortByTime<T extends { at: number }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.at - b.item.at || a.i - b.i)
    .map((x) => x.item);
}
