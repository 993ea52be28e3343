import { StoreError } from '../core/errors.js';

const NAMESPACE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A namespace of durable records becomes a file name or a key: a short, plain name only. */
export function checkNamespace(namespace: string): void {
  if (!NAMESPACE.test(namespace)) throw new StoreError(`record namespace ${JSON.stringify(namespace)} must be 1-64 lower-case letters, digits or "-"`);
}
