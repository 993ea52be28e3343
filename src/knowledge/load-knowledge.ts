import type { KnowledgeBase } from '../core/ports.js';

export interface LoadKnowledgeOptions {
  /** The knowledge articles (default knowledge/). */
  dir?: string;
}

// PLACEHOLDER (issue 4 replaces this with the real knowledge base).
export async function loadKnowledgeBase(_options: LoadKnowledgeOptions = {}): Promise<KnowledgeBase> {
  return { section: () => undefined, search: () => [] };
}
