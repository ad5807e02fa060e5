/** A fresh seed for a new variant: the page may use the browser's randomness; the lessons never do. */
export function freshSeed(): number {
  const buffer = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buffer);
  // Short seeds are easier to read out in class and to type into --seed.
  return (buffer[0]! % 99_999) + 1;
}
