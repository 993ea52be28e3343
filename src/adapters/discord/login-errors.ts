import { ConfigError, InputError, StartupError } from '../../core/errors.js';

export function errorCode(error: unknown): number | string | undefined {
  return error !== null && typeof error === 'object' && 'code' in error ? (error as { code: number | string }).code : undefined;
}

/** Login failures an operator can fix, as a ConfigError that says how; a network failure as a StartupError. */
export function explainLoginError(error: unknown, apiUrl?: string): unknown {
  if (error instanceof InputError) return error;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'TokenInvalid' || /401|unauthori[sz]ed|invalid token/i.test(message)) {
    return new ConfigError('DISCORD_TOKEN', 'Discord rejected the token: copy it again from the Developer Portal (your application → Bot → Reset Token)');
  }
  if (code === 'DisallowedIntents' || code === 4014 || /disallowed intent/i.test(message)) {
    return new ConfigError(
      'DISCORD_TOKEN',
      'this bot may not use the Message Content intent: turn it on in the Developer Portal (your application → Bot → Privileged Gateway Intents → Message Content Intent)',
    );
  }
  if (isNetworkError(error)) {
    return new StartupError('Discord', `could not reach ${apiUrl ?? 'https://discord.com/api'} (${message}): check the network, any proxy, and DISCORD_API_URL if you set it`, { cause: error });
  }
  return error;
}

/** fetch's "fetch failed" (with the socket's code as its cause), a timeout, or a socket error. */
function isNetworkError(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = String(cause?.code ?? errorCode(error) ?? '');
  return /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR_\w+)$/.test(code) || (error instanceof Error && /fetch failed|timed? ?out|aborted/i.test(error.message));
}
