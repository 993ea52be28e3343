/**
 * Files chosen messages into the training data: `intents/<intent>.yaml`, under the label
 * `<intent>.from_inbox`, with yaml's Document API so the file keeps its comments and layout. Every
 * message goes through the privacy guard again, is cut to the utterance limit, and is skipped when
 * an equal utterance is already anywhere in intents/ (the loader refuses duplicates). The file is
 * checked against its schema before it is written; the next build (or start) retrains on it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, parse as parseYaml, parseDocument } from 'yaml';
import { DataFileError, InputError, formatIssuePath } from '../../core/errors.js';
import { isIntentName, INTENTS } from '../../core/intents.js';
import type { PrivacyGuard } from '../../core/ports.js';
import { intentFileSchema } from '../../nlu/intent-file-schema.js';
import { duplicateKey, loadIntents } from '../../nlu/load-intents.js';
import { displayPath } from '../../nlu/paths.js';

export const INBOX_LABEL_SUFFIX = 'from_inbox';
const MAX_UTTERANCE = 300;

export interface FiledResult {
  file: string;
  label: string;
  added: string[];
  skipped: Array<{ text: string; why: string }>;
}

export async function fileIntoIntents(texts: readonly string[], intent: string, options: { intentsDir: string; privacy: PrivacyGuard; dryRun?: boolean }): Promise<FiledResult> {
  if (!isIntentName(intent)) throw new InputError(`--intent: "${intent}" is not an intent (one of ${INTENTS.join(', ')})`);
  const file = path.join(options.intentsDir, `${intent}.yaml`);
  const label = `${intent}.${INBOX_LABEL_SUFFIX}`;
  const existing = await loadIntents({ dir: options.intentsDir });
  const known = new Set(existing.examples.map((e) => duplicateKey(e.text)));
  const added: string[] = [];
  const skipped: FiledResult['skipped'] = [];
  for (const raw of texts) {
    const text = options.privacy.redact(raw).text.replace(/\s+/g, ' ').trim().slice(0, MAX_UTTERANCE).trim();
    const key = duplicateKey(text);
    if (key === '') skipped.push({ text: raw, why: 'no words left' });
    else if (known.has(key)) skipped.push({ text, why: 'already in intents/' });
    else {
      known.add(key);
      added.push(text);
    }
  }
  if (added.length === 0 || options.dryRun) return { file, label, added, skipped };

  const source = await readFile(file, 'utf8');
  const doc = parseDocument(source);
  if (doc.errors.length > 0) throw new DataFileError(displayPath(file), '', `invalid YAML: ${doc.errors[0]?.message ?? ''}`);
  const labels = doc.get('labels');
  if (labels !== undefined && !isMap(labels)) throw new DataFileError(displayPath(file), 'labels', 'must be a mapping of label names to lists of utterances');
  const list = doc.getIn(['labels', label]);
  if (list === undefined) {
    const node = doc.createNode(added);
    node.commentBefore = ' Filed from the insights inbox (supportbot inbox file): real messages, redacted.';
    doc.setIn(['labels', label], node);
  } else if (isSeq(list)) {
    for (const text of added) list.add(doc.createNode(text));
  } else {
    throw new DataFileError(displayPath(file), `labels.${label}`, 'must be a list of utterances');
  }
  const next = doc.toString({ lineWidth: 0 });
  // Never leave a file the loader would refuse.
  const checked = intentFileSchema.safeParse(parseYaml(next));
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new DataFileError(displayPath(file), issue ? formatIssuePath(issue.path) : '', `would become invalid: ${issue?.message ?? ''}`);
  }
  await writeFile(file, next);
  return { file, label, added, skipped };
}
