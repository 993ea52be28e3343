/**
 * Where the lowdb store keeps its files, in a module of its own: knowing the path (the insights
 * store puts its files beside the conversations) must not load lowdb.
 */

/** `data/supportbot.json` → `data/supportbot.conversations`. */
export function conversationsDirOf(manifestPath: string): string {
  return `${manifestPath.replace(/\.json$/i, '')}.conversations`;
}
