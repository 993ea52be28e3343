// PLACEHOLDER (issue 3): trains the intent model from intents/ into models/.
export async function buildModel(): Promise<{ path: string; trained: boolean }> {
  return { path: '', trained: false };
}
