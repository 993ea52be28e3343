import { ADAPTER_LINES } from '../../../core/adapter-lines.js';
import { parseConversationKey } from '../conversation-key.js';
import type { SlackWorkspace } from '../workspaces.js';
import type { SlackListenerContext } from './context.js';

/**
 * Whether `userId` may drive the conversation: only its owner, the person who started it (in a DM
 * that is always the person; the check there records them, so a hand-back knows whose turn it is).
 * Anyone else gets a private note (once an hour for typing, every time for a click) and the
 * message never reaches the core.
 */
export async function mayDrive(ctx: SlackListenerContext, workspace: SlackWorkspace, conversationKey: string, userId: string, kind: 'message' | 'click'): Promise<boolean> {
  const place = parseConversationKey(conversationKey);
  if (!place) return false;
  const at = ctx.now();
  const check = kind === 'click' ? await ctx.owners.admitClick(conversationKey, userId, at) : await ctx.owners.admitMessage(conversationKey, userId, at);
  if (check.allowed) return true;
  ctx.logger.info({ conversationKey, userId, owner: check.owner, kind }, "someone else's conversation: not passed to the core");
  if (kind === 'click' || ctx.owners.shouldTell(conversationKey, userId, at)) {
    const target = place.threadTs ? { channel: place.channel, threadTs: place.threadTs } : { channel: place.channel };
    await workspace.outbox.tellPrivately(target, userId, ADAPTER_LINES.notYourConversation(check.owner ? `<@${check.owner}>` : undefined));
  }
  return false;
}
