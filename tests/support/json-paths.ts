/** A parsed JSON document, as the fuzz tests mutate it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Segment = string | number;

/** Every path to a value inside `doc` (not the root), parents before their children. */
export function jsonPaths(doc: Json, prefix: Segment[] = [], out: Segment[][] = []): Segment[][] {
  if (Array.isArray(doc)) {
    doc.forEach((item, i) => {
      out.push([...prefix, i]);
      jsonPaths(item, [...prefix, i], out);
    });
  } else if (doc !== null && typeof doc === 'object') {
    for (const [key, value] of Object.entries(doc)) {
      out.push([...prefix, key]);
      jsonPaths(value, [...prefix, key], out);
    }
  }
  return out;
}

/**
 * The container holding the value at `path` (one of `jsonPaths(doc)`) and its key there, for a
 * mutation to set, delete or duplicate it in place.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the path was read from doc, so every step exists
export function parentAt(doc: Json, path: readonly Segment[]): { parent: any; key: Segment } {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let parent: any = doc;
  for (const segment of path.slice(0, -1)) parent = parent[segment];
  return { parent, key: path[path.length - 1]! };
}
