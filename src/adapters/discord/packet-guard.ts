import type { Client } from 'discord.js';
import type { Logger } from '../../core/logger.js';

/**
 * discord.js builds its objects from gateway events synchronously; an event it cannot read (a
 * malformed or unexpected payload) throws out of its socket handler as an unhandled rejection,
 * which stops a Node process. Such an event is logged and dropped instead.
 */
export function guardPacketHandling(client: Client, logger: Logger): void {
  const manager = client.ws as unknown as { handlePacket?: (packet: { t?: string } | undefined, shard: unknown) => boolean };
  const original = manager.handlePacket;
  if (typeof original !== 'function') {
    logger.debug('discord: packet guard not installed (discord.js internals changed)');
    return;
  }
  manager.handlePacket = function guarded(packet, shard) {
    try {
      return original.call(this, packet, shard);
    } catch (error) {
      logger.warn({ event: packet?.t, err: error instanceof Error ? error.message : String(error) }, 'discord: dropped an event that could not be read');
      return true;
    }
  };
}
