import { jsonPath } from '../../trace-io/result';

/** The JSON path the validation uses for a field, e.g. `p('devices', 0, 'line')`. */
export const p = (...segments: (string | number)[]): string => jsonPath(segments);

/** A DOM id for a field from its JSON path (ids must not contain brackets or dots). */
export const fieldId = (path: string): string => `ed-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
