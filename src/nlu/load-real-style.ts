/**
 * intents/real-style/*.jsonl: messages written the way real users write (long, typos, facts,
 * follow-ups), labelled with their intent, facts and status like the evaluation sets. They train
 * the classifier beside the short phrasings of intents/<intent>.yaml. The evaluation sets that are
 * never trained on live apart, in test/evaluation/.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { OUT_OF_SCOPE, type IntentName } from '../core/intents.js';
import { labelledRowSchema } from './evaluation/read-jsonl.js';
import type { UnderstandingContext } from '../core/types.js';
import { displayPath } from './paths.js';
import { parseJsonlRows } from '../core/data-file.js';

export const REAL_STYLE_FOLDER = 'real-style';

export interface RealStyleExample {
  text: string;
  intent: IntentName;
  label: string;
  file: string;
  field: string;
  context?: UnderstandingContext;
}

/**
 * Out of scope stays many small named sub-intents (they classify better than one bucket): a row
 * about another product joins that product's sub-intent.
 */
const OTHER_PRODUCT_LABELS: Readonly<Record<string, string>> = {
  crypto: 'out_of_scope.crypto',
  wechat: 'out_of_scope.other_wallets',
  paypal: 'out_of_scope.other_wallets',
  other_wallet: 'out_of_scope.other_wallets',
  other_marketplace: 'out_of_scope.other_marketplaces',
};

/** A seller, factory or order named in an out-of-scope row: Alibaba and the seller's business (answered as such). */
const ORDER_LABEL = 'out_of_scope.orders_and_shipping';

function labelOf(intent: IntentName, otherProduct: string | undefined, aboutOrder: boolean): string {
  if (intent !== OUT_OF_SCOPE) return `${intent}.real_style`;
  if (otherProduct) return OTHER_PRODUCT_LABELS[otherProduct] ?? `${OUT_OF_SCOPE}.real_style`;
  return aboutOrder ? ORDER_LABEL : `${OUT_OF_SCOPE}.real_style`;
}

export async function realStyleFiles(dir: string): Promise<Array<{ name: string; file: string; content: string }>> {
  const folder = path.join(dir, REAL_STYLE_FOLDER);
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.endsWith('.jsonl')).sort();
  } catch {
    return [];
  }
  return Promise.all(names.map(async (name) => ({ name: `${REAL_STYLE_FOLDER}/${name}`, file: path.join(folder, name), content: await readFile(path.join(folder, name), 'utf8') })));
}

/** The rows of intents/real-style/, validated: a bad line names file, line and field. */
export async function loadRealStyle(dir: string): Promise<RealStyleExample[]> {
  const examples: RealStyleExample[] = [];
  for (const { file, content } of await realStyleFiles(dir)) {
    const shown = displayPath(file);
    for (const { line, row } of parseJsonlRows(shown, content, labelledRowSchema)) {
      const { text, intent, facts, context } = row;
      const otherProduct = facts?.find((f) => f.name === 'other_product' && !f.negated)?.value;
      const aboutOrder = facts?.some((f) => f.name === 'checkout.supplier_order' && !f.negated) ?? false;
      const example: RealStyleExample = { text, intent, label: labelOf(intent, otherProduct, aboutOrder), file: shown, field: `line ${line}` };
      if (context) example.context = { topic: context.topic, flow: context.flow, step: context.step };
      examples.push(example);
    }
  }
  return examples;
}
