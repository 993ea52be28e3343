import path from 'node:path';
import { checkDataDir, type Env } from '../config/env.js';
import type { StoreSpec } from '../store/open-store.js';

export const STORE_OPTION_HELP = 'where conversations are kept: "memory" (nothing kept) or a lowdb file path (default: $DATA_DIR/supportbot.json, or Redis when REDIS_URL is set)';

/** `--store memory|PATH`, else REDIS_URL, else the lowdb file in DATA_DIR. */
export function storeSpecFrom(option: string | undefined, env: Env): StoreSpec {
  if (option === 'memory') return { kind: 'memory' };
  if (option) return { kind: 'lowdb', path: option };
  if (env.REDIS_URL) {
    return { kind: 'redis', url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX, idleTtlMs: Math.round(env.REDIS_IDLE_TTL_DAYS * 86_400_000) };
  }
  checkDataDir(env.DATA_DIR);
  return { kind: 'lowdb', path: path.join(env.DATA_DIR, 'supportbot.json') };
}
