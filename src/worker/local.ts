import type { SimApi } from '../protocol/api';
import { SimSession } from './session';

/** The same API on the main thread: for store and component tests (no Worker there). */
export function createLocalApi(): SimApi {
  return new SimSession();
}
