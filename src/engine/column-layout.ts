import { EVENT_FIELDS, EVENT_TYPES, type EventType, type FieldKind } from './events';

/**
 * How an event is laid out in columns, derived from the events' own field
 * table (`EVENT_FIELDS`), so the layout cannot drift from the event types.
 * The column sink writes by this layout and the columnar store reads by it.
 *
 * Every field takes one 32-bit slot, in field order, except booleans: their
 * value and whether a nullable field is null are the event's variant, a few
 * bits that pick its shape (so they take no slot). A field that is null
 * keeps its slot, unused, so the slots of a type sit at the same place in
 * every variant.
 */

/** Slots per event: the widest event types (`host.forward`, `isr.call`...) need four. */
export const SLOTS = 4;
/** Variants per type: no event has more than two booleans or nullable fields. */
export const VARIANTS = 4;

export interface LayoutField {
  readonly key: string;
  readonly kind: FieldKind;
  /** Its slot, or -1 (a boolean). */
  readonly slot: number;
  /** Its bit in the variant (set: true, or not null), or -1 (always present). */
  readonly bit: number;
}

function layoutOf(type: EventType): readonly LayoutField[] {
  const fields: LayoutField[] = [];
  let slot = 0;
  let bit = 0;
  for (const [key, kind] of Object.entries(EVENT_FIELDS[type]) as [string, FieldKind][]) {
    const variant = kind === 'bool' || kind === 'bit?' || kind === 'str?';
    fields.push({ key, kind, slot: kind === 'bool' ? -1 : slot++, bit: variant ? bit++ : -1 });
  }
  if (slot > SLOTS || 1 << bit > VARIANTS) throw new Error(`${type} does not fit its columns`);
  return fields;
}

/** Each type's fields with their slot and variant bit, in `EVENT_TYPES` order. */
export const EVENT_LAYOUTS: readonly (readonly LayoutField[])[] = EVENT_TYPES.map(layoutOf);

/** The first shape number of `type`'s variants: its index in EVENT_TYPES times VARIANTS. */
export function layoutBase(type: EventType): number {
  return EVENT_TYPES.indexOf(type) * VARIANTS;
}
