import type { HTTPReceiverOptions } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import { slackErrorCode } from './errors.js';

type CallbackOptions = NonNullable<NonNullable<HTTPReceiverOptions['installerOptions']>['callbackOptions']>;

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif;max-width:36rem;margin:4rem auto"><h1>${title}</h1><p>${body}</p></body></html>`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * What the person installing the app sees after Slack's consent screen, and what is logged: the
 * workspace id and the error code only, never a token or the grant code.
 */
export function installPages(logger: Logger): CallbackOptions {
  return {
    success: (installation, _options, _req, res) => {
      const team = installation.team?.name ?? installation.team?.id ?? installation.enterprise?.id ?? 'your workspace';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('Alipay Help is installed', `It now answers in ${escapeHtml(team)}: send it a direct message, mention it in a channel, or type its slash command. You can close this page.`));
    },
    failure: (error, _options, _req, res) => {
      const code = (error as { code?: string }).code ?? 'unknown';
      logger.warn({ code, slackError: slackErrorCode(error) }, `slack: an OAuth install failed (${error.message})`);
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('The installation did not finish', `Slack's answer was not accepted (${escapeHtml(code)}). Start again from /slack/install; if it keeps failing, ask the person who runs the bot to check its logs.`));
    },
  };
}
