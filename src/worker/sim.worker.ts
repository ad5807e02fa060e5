/// <reference lib="webworker" />
import { expose } from 'comlink';
import { SimSession } from './session';

// The worker is only this adapter: the session is the same class the tests use.
expose(new SimSession());
