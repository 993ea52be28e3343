import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { flockSync } from 'fs-ext';
import { StoreInUseError } from './store-errors.js';

export interface OwnerLock {
  release(): void;
}

/**
 * One lowdb store, one writer process: an exclusive advisory lock (flock(2)) on `owner.lock`, held
 * on an open file descriptor for as long as the store is open. The kernel drops the lock when the
 * descriptor closes, however the process ends (SIGKILL, out of memory, a crash), so a restart never
 * finds a stale lock: a PID written in a file cannot tell a live holder from a new process that
 * happens to have the same PID (in a container, usually 1).
 *
 * The PID in the file is only for the message that names a live holder. The file is never deleted:
 * deleting a lock file while another process waits on it would let two processes lock two files.
 * Node opens files close-on-exec, so a child process never inherits the lock.
 */
export function takeOwnerLock(file: string): OwnerLock {
  const fd = openSync(file, 'a+');
  try {
    flockSync(fd, 'exnb');
  } catch (error) {
    closeSync(fd);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN' || code === 'EWOULDBLOCK') throw new StoreInUseError(file, holderOf(file));
    throw error;
  }
  try {
    ftruncateSync(fd, 0);
    writeSync(fd, `${process.pid}\n`, 0);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      // Closing the descriptor releases the lock; the file stays for the next owner.
      closeSync(fd);
    },
  };
}

/** The PID the holder wrote, if it has written it yet (it does so right after locking). */
function holderOf(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
