import { renameSync } from 'node:fs';

/** `<file>.corrupt-<ISO time>`; colons become dashes so the name is valid on every file system. */
export function corruptFileName(file: string, at: Date): string {
  return `${file}.corrupt-${at.toISOString().replace(/:/g, '-')}`;
}

/** Moves a file we cannot use out of the way, keeping it for a person to inspect. */
export function moveAside(file: string, at: Date = new Date()): string {
  const target = corruptFileName(file, at);
  renameSync(file, target);
  return target;
}
