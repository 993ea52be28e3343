import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root: two levels above this file both in src/nlu/ (tsx) and dist/nlu/ (compiled). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const DEFAULT_INTENTS_DIR = path.join(PACKAGE_ROOT, 'intents');
export const DEFAULT_MODEL_PATH = path.join(PACKAGE_ROOT, 'models', 'intent-model.json');

/** How a file is named in messages: relative to the working directory when it lies inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
