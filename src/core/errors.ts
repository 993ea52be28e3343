/**
 * Named errors that carry their context. "Their input was bad" (InputError and subclasses)
 * is kept apart from "we failed" (everything else), as in ky.
 */
export class SupportbotError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The user's or operator's input was bad; the message says what to fix. */
export class InputError extends SupportbotError {}

/** A configuration variable is missing or malformed. */
export class ConfigError extends InputError {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

/**
 * A service the bot needs could not be reached at start (Slack, Discord, Redis): the operator's
 * network or settings to check, so the CLI says it in one line (exit code 2), naming the service
 * and what to check; the cause's stack trace only at LOG_LEVEL=debug.
 */
export class StartupError extends InputError {
  constructor(
    readonly service: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${service}: ${problem}`, options);
  }
}

/** A data file (intents, knowledge, transcript, flow) is malformed. Names file and field. */
export class DataFileError extends InputError {
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${problem}`);
  }
}

/** Stored state could not be used (corrupt, wrong version) or a write lost a race. */
export class StoreError extends SupportbotError {}

/** A versioned write found a newer version than the one it read: someone else wrote in between. */
export class VersionConflictError extends StoreError {
  constructor(
    readonly conversationKey: string,
    readonly expected: number,
    readonly found: number,
  ) {
    super(`lost update on conversation ${conversationKey}: expected version ${expected}, found ${found}`);
  }
}

/** The store is unreachable (e.g. Redis down). The turn gets a "please try again". */
export class StoreUnavailableError extends StoreError {}

/** An error inside one turn, with the turn it happened in (grammY's BotError idea). */
export class TurnError extends SupportbotError {
  constructor(
    readonly error: unknown,
    readonly turn: { conversationKey: string; eventId: string; ref: string },
  ) {
    super(`turn ${turn.ref} in ${turn.conversationKey} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/** Formats zod issues as "field.path: message" lines, for DataFileError and ConfigError. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}
