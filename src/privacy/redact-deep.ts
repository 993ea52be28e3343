import type { PrivacyGuard } from '../core/ports.js';
import { redact } from './privacy-guard.js';

export interface RedactDeepOptions {
  /** The guard to run over every string (default: the built-in one). */
  guard?: PrivacyGuard;
  /** Deeper than this, values become '[too deep]' (log objects are shallow; this bounds hostile input). */
  maxDepth?: number;
  /** Keys whose string values are platform identifiers, kept as they are (default: ID_KEYS). */
  keepKeys?: ReadonlySet<string>;
}

/**
 * Identifiers the platforms generate (Discord snowflakes are 17-19 digits, Slack timestamps 16):
 * one in ten would pass the Luhn check and become '[card number]', which would make logs useless for
 * finding a conversation. A person's words never travel in these fields (the list is explicit on
 * purpose: a generic key such as `user` or `text` may hold what someone typed).
 */
export const ID_KEYS: ReadonlySet<string> = new Set([
  'conversationKey', 'userId', 'eventId', 'ref', 'ts', 'thread_ts', 'event_ts',
  'channelId', 'guildId', 'messageId', 'interactionId', 'teamId', 'applicationId',
]);

/**
 * A copy of `value` with the privacy guard run over every string in it: object values, array items,
 * Error messages and stacks. For log objects and transcript records, so a secret that reached one of
 * them by mistake is still never written. Keys are kept as they are; cycles become '[circular]'.
 */
export function redactDeep<T>(value: T, options: RedactDeepOptions = {}): T {
  const guard = options.guard ?? { redact };
  const maxDepth = options.maxDepth ?? 12;
  const keepKeys = options.keepKeys ?? ID_KEYS;
  const seen = new WeakSet<object>();

  function walk(v: unknown, depth: number): unknown {
    if (typeof v === 'string') return guard.redact(v).text;
    if (typeof v !== 'object' || v === null) return v;
    if (seen.has(v)) return '[circular]';
    if (depth >= maxDepth) return '[too deep]';
    seen.add(v);
    try {
      if (Array.isArray(v)) return v.map((item) => walk(item, depth + 1));
      if (v instanceof Error) return redactError(v, depth);
      if (v instanceof Date || ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return v;
      if (v instanceof Map) return new Map([...v].map(([k, item]) => [k, walk(item, depth + 1)]));
      if (v instanceof Set) return new Set([...v].map((item) => walk(item, depth + 1)));
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v)) out[key] = keepKeys.has(key) && typeof item === 'string' ? item : walk(item, depth + 1);
      return out;
    } finally {
      seen.delete(v);
    }
  }

  // Keeps it an Error (same prototype) so loggers still serialise it as one, with `type` and `stack`.
  function redactError(error: Error, depth: number): Error {
    const copy = Object.create(Object.getPrototypeOf(error) as object) as Error & Record<string, unknown>;
    for (const [key, item] of Object.entries(error)) copy[key] = walk(item, depth + 1);
    Object.defineProperty(copy, 'message', { value: guard.redact(error.message).text, enumerable: false, writable: true, configurable: true });
    if (error.stack !== undefined) {
      Object.defineProperty(copy, 'stack', { value: guard.redact(error.stack).text, enumerable: false, writable: true, configurable: true });
    }
    if (error.cause !== undefined) {
      Object.defineProperty(copy, 'cause', { value: walk(error.cause, depth + 1), enumerable: false, writable: true, configurable: true });
    }
    return copy;
  }

  return walk(value, 0) as T;
}
