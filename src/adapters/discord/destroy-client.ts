import type { Client } from 'discord.js';

/** What a gateway shard of @discordjs/ws 1.x looks like from outside (its fields are not public API). */
interface ShardInternals {
  connection?: { readyState?: number; onerror?: unknown; onclose?: unknown; terminate?: () => void } | null;
  internalConnect?: () => Promise<void>;
}

/** How long client.destroy() may wait for the gateway to acknowledge a close. */
const DESTROY_WAIT_MS = 2_000;

/**
 * Destroys a discord.js client so that it really stops, also while the gateway is unreachable.
 *
 * discord.js 14 (@discordjs/ws 1.2) reconnects in a loop: a failed attempt waits 500 ms, then
 * connects again. client.destroy() finds the shard idle during that wait, drops it, and the dropped
 * shard goes on reconnecting forever, so the process never ended after SIGTERM. And against a gateway
 * that accepts but never answers, destroy() waits up to 30 s for the close handshake. So: take the
 * shards before destroying, give destroy() two seconds, then make each shard unable to connect again
 * and drop any connection still open or opening. Reaches into the library's internals (guarded: if
 * they change, this falls back to a plain destroy), checked by test/adapters/discord/stop.test.ts.
 */
export async function destroyClient(client: Client): Promise<void> {
  const shards = shardsOf(client);
  let timer: NodeJS.Timeout | undefined;
  const destroyed = client.destroy().catch(() => undefined);
  await Promise.race([destroyed, new Promise<void>((resolve) => (timer = setTimeout(resolve, DESTROY_WAIT_MS)))]);
  clearTimeout(timer);
  for (const shard of shards) {
    shard.internalConnect = () => Promise.resolve();
    const connection = shard.connection;
    if (connection && typeof connection.terminate === 'function') {
      // A socket still connecting reports its failure as an error event: one listener, so it is not thrown.
      connection.onerror = () => undefined;
      connection.terminate();
    }
  }
  await Promise.race([destroyed, new Promise<void>((resolve) => (timer = setTimeout(resolve, DESTROY_WAIT_MS)))]);
  clearTimeout(timer);
}

function shardsOf(client: Client): ShardInternals[] {
  const manager = (client.ws as unknown as { _ws?: { strategy?: { shards?: Map<number, ShardInternals> } } | null })._ws;
  const shards = manager?.strategy?.shards;
  return shards instanceof Map ? [...shards.values()] : [];
}
