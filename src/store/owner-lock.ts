import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { StoreInUseError } from './store-errors.js';

export interface OwnerLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes a lock file holding our pid, so one lowdb store has one writer process. A lock left by a
 * process that no longer runs (killed) is taken over.
 */
export function takeOwnerLock(file: string): OwnerLock {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            unlinkSync(file);
          } catch {
            // already gone: nothing to release
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
    } catch {
      // vanished or unreadable: retry
    }
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) throw new StoreInUseError(file, holder);
    try {
      unlinkSync(file);
    } catch {
      // someone else removed it first
    }
  }
  throw new StoreInUseError(file, Number.NaN);
}
