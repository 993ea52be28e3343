import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';

const ORDER: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

/**
 * Bolt's (and the Web API and Socket Mode clients') logs, through our pino logger.
 * Never below INFO, even when LOG_LEVEL is debug: at DEBUG those libraries print raw payloads,
 * which hold what people typed before our privacy guard redacted it.
 */
export function createBoltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack-bolt' });
  const fromPino = child.levelVal >= 50 ? LogLevel.ERROR : child.levelVal >= 40 ? LogLevel.WARN : LogLevel.INFO;
  let level: LogLevel = fromPino;
  const line = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : safeJson(p))).join(' ');
  const at = (wanted: LogLevel, write: (msg: string) => void) => (...parts: unknown[]) => {
    if (ORDER[wanted] >= ORDER[level]) write(line(parts));
  };
  return {
    debug: () => {},
    info: at(LogLevel.INFO, (msg) => child.info(msg)),
    warn: at(LogLevel.WARN, (msg) => child.warn(msg)),
    error: at(LogLevel.ERROR, (msg) => child.error(msg)),
    setLevel: (wanted) => {
      level = ORDER[wanted] < ORDER[LogLevel.INFO] ? LogLevel.INFO : wanted;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
