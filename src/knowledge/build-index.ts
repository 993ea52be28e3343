// PLACEHOLDER (issue 4): ingests knowledge/ into the retrieval index.
export async function buildKnowledgeIndex(): Promise<{ path: string; sections: number }> {
  return { path: '', sections: 0 };
}
