import { InputError, StoreError, StoreUnavailableError } from '../core/errors.js';

/** Another instance held the conversation's lock for longer than we were willing to wait. */
export class LockTimeoutError extends StoreError {
  constructor(
    readonly conversationKey: string,
    readonly waitedMs: number,
  ) {
    super(`could not lock conversation ${conversationKey} within ${waitedMs} ms: another instance is holding it`);
  }
}

/**
 * The lowdb store is already open in another live process (it holds the operating-system lock on
 * the store's owner.lock); two writers would lose each other's turns.
 * An operator's setup to fix (an InputError), so the CLI says it in one line.
 */
export class StoreInUseError extends InputError {
  constructor(
    readonly lockFile: string,
    readonly pid: number | undefined,
  ) {
    super(
      `the store is in use by ${pid === undefined ? 'another process' : `process ${pid}`} (lock ${lockFile}). One lowdb store serves one process: ` +
        'stop the other one, use another --store path, or set REDIS_URL to run several instances.',
    );
  }
}

/**
 * A turn's write refused by its fence: the lock it held is gone, or the write reached Redis too
 * late. The turn is answered "please try again" and nothing it did is stored.
 */
export class FencedWriteError extends StoreUnavailableError {
  constructor(
    readonly conversationKey: string,
    why: string,
  ) {
    super(`write to conversation ${conversationKey} refused: ${why}`);
  }
}
