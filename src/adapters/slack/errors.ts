import { StartupError } from '../../core/errors.js';

/** Slack could not be reached or refused us at start: one line naming Slack and what to check. */
export class SlackStartError extends StartupError {
  constructor(problem: string, options?: { cause?: unknown }) {
    super('Slack', problem, options);
  }
}

/** Slack Web API errors carry their code in data.error (e.g. not_in_channel); show that. */
export function errorText(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const data = (error as { data?: { error?: unknown } }).data;
    if (data && typeof data.error === 'string') return `${(error as Error).message ?? 'Slack API error'} (${data.error})`;
    if (error instanceof Error) return error.message;
  }
  return String(error);
}

/** The Slack error code of a Web API failure (`invalid_auth`, `not_in_channel`…), if any. */
export function slackErrorCode(error: unknown): string | undefined {
  return (error as { data?: { error?: string } } | undefined)?.data?.error;
}
