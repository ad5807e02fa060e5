/**
 * An answer with its unit as a sentence says it: "3 ISR calls", "1 ISR call".
 * A lesson's `unit` is written for many (its field label reads "Your answer
 * (ISR calls)"), so for exactly 1 its last word is made singular by English
 * spelling: "deliveries" → "delivery", "context switches" → "context switch",
 * "VMs" → "VM". A symbol (up to two characters, such as "ns" or "×") or a word
 * that does not end in "s" stays as written.
 */
export function withUnit(value: number, unit: string): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (unit === '') return text;
  return `${text} ${value === 1 ? singular(unit) : unit}`;
}

function singular(unit: string): string {
  const cut = unit.lastIndexOf(' ') + 1;
  const head = unit.slice(0, cut);
  const word = unit.slice(cut);
  if (word.length <= 2 || !word.endsWith('s')) return unit;
  if (/[^aeiou]ies$/.test(word)) return `${head}${word.slice(0, -3)}y`;
  if (/(ch|sh|x|ss)es$/.test(word)) return `${head}${word.slice(0, -2)}`;
  return `${head}${word.slice(0, -1)}`;
}
