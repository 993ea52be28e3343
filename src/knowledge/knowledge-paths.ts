import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root: two levels above this file both in src/knowledge/ (tsx) and dist/knowledge/ (compiled). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const DEFAULT_KNOWLEDGE_DIR = path.join(PACKAGE_ROOT, 'knowledge');
/** The prebuilt index lives beside the intent model, independent of dist/. */
export const DEFAULT_INDEX_PATH = path.join(PACKAGE_ROOT, 'models', 'knowledge-index.json');
/** The evaluation question sets shipped with the tests (not in the npm package): questions*.yaml. */
export const DEFAULT_QUESTIONS_DIR = path.join(PACKAGE_ROOT, 'test', 'knowledge');

/** How a file is named in messages: relative to the working directory when it lies inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
