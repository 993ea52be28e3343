import { closeSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { StoreError } from '../core/errors.js';

/**
 * The file system calls an append-only file makes. node:fs in production; a test may pass a layer
 * that returns short counts or fails fsync, to reach failures a real disk gives only when full.
 */
export interface AppendIo {
  /** write(2) once; returns how many bytes the kernel took. */
  write(fd: number, data: Buffer): number;
  datasync(fd: number): void;
  truncate(fd: number, size: number): void;
  size(fd: number): number;
}

export const nodeAppendIo: AppendIo = {
  write: (fd, data) => writeSync(fd, data, 0, data.length),
  datasync: (fd) => fdatasyncSync(fd),
  truncate: (fd, size) => ftruncateSync(fd, size),
  size: (fd) => fstatSync(fd).size,
};

/** An append that did not complete: the disk is full, a file size limit was hit, or fsync failed. */
export class AppendError extends StoreError {
  constructor(
    readonly file: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`${file}: ${problem}; the turn was not stored`, options);
  }
}

export interface AppendFile {
  readonly file: string;
  /** Appends `text` whole, or throws AppendError and leaves the file as it was. */
  append(text: string): void;
  close(): void;
}

/**
 * An append-only file whose appends are all or nothing: a short write (what the kernel returns when
 * the disk or a size limit is reached) is cut back off the file and reported as an error, never
 * left as a torn line for the next append to be glued to. With `sync`, each append is flushed to
 * the disk (fdatasync) before append() returns, so what was acknowledged survives a power loss too.
 */
export function openAppendFile(file: string, options: { sync: boolean; io?: AppendIo }): AppendFile {
  const io = options.io ?? nodeAppendIo;
  const fd = openSync(file, 'a');
  let size = io.size(fd);
  // Set when a torn tail could not be cut off: the next append first makes it an unreadable line.
  let torn = false;
  let open = true;

  function cutBack(): void {
    try {
      io.truncate(fd, size);
    } catch {
      torn = true;
    }
  }

  return {
    file,
    append(text) {
      const data = Buffer.from(torn ? `!\n${text}` : text);
      let written: number;
      try {
        written = io.write(fd, data);
      } catch (error) {
        cutBack();
        throw new AppendError(file, `could not write (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
      }
      if (written !== data.length) {
        cutBack();
        throw new AppendError(file, `short write: the disk took ${written} of ${data.length} bytes (full?)`);
      }
      if (options.sync) {
        try {
          io.datasync(fd);
        } catch (error) {
          cutBack();
          throw new AppendError(file, `could not flush to disk (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
        }
      }
      size += data.length;
      torn = false;
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
