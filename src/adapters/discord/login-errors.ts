import { ConfigError } from '../../core/errors.js';

export function errorCode(error: unknown): number | string | undefined {
  return error !== null && typeof error === 'object' && 'code' in error ? (error as { code: number | string }).code : undefined;
}

/** Login failures an operator can fix, as a ConfigError that says how. */
export function explainLoginError(error: unknown): unknown {
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
  return error;
}
