/**
 * The fake Slack's side of installing an app in many workspaces: the authorize page a person
 * approves (GET /oauth/v2/authorize, answered with the redirect Slack would make), the grant
 * exchange (oauth.v2.access) and the workspaces' bot tokens it hands out.
 */
import { randomBytes } from 'node:crypto';

export interface FakeWorkspace {
  teamId: string;
  teamName: string;
  botToken: string;
  botUserId: string;
  botId: string;
  /** The channel picked on the consent screen for the app's messages (incoming-webhook). */
  webhookChannel?: string;
}

export interface FakeOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** The app's configured redirect URL (Slack's app settings); a redirect_uri in the request wins. */
  redirectUri?: string;
}

export interface FakeOAuth {
  readonly options: FakeOAuthOptions;
  /** Workspaces that finished installing, in order. */
  readonly installed: FakeWorkspace[];
  /** Who approves the next authorize request: the workspace the person installs into. */
  installInto(workspace: FakeWorkspace): void;
  /** GET /oauth/v2/authorize: the person approves; answers where the browser goes next. */
  authorize(url: URL): { status: number; location?: string; error?: string; scopes?: string[] };
  /** POST /api/oauth.v2.access: the app trades the code for the workspace's bot token. */
  access(args: Record<string, unknown>, authorization: string | undefined): Record<string, unknown>;
}

export function createFakeOAuth(options: FakeOAuthOptions): FakeOAuth {
  let next: FakeWorkspace | undefined;
  const codes = new Map<string, { workspace: FakeWorkspace; redirectUri: string | undefined; scopes: string[] }>();
  const installed: FakeWorkspace[] = [];
  return {
    options,
    installed,
    installInto(workspace) {
      next = workspace;
    },
    authorize(url) {
      const clientId = url.searchParams.get('client_id');
      if (clientId !== options.clientId) return { status: 400, error: 'invalid_client_id' };
      if (!next) return { status: 400, error: 'no workspace chosen: call installInto() first' };
      const redirectUri = url.searchParams.get('redirect_uri') ?? options.redirectUri;
      if (!redirectUri) return { status: 400, error: 'no redirect_uri' };
      const scopes = (url.searchParams.get('scope') ?? '').split(',').filter(Boolean);
      const code = `code-${randomBytes(8).toString('hex')}`;
      codes.set(code, { workspace: next, redirectUri: url.searchParams.get('redirect_uri') ?? undefined, scopes });
      const target = new URL(redirectUri);
      target.searchParams.set('code', code);
      const state = url.searchParams.get('state');
      if (state !== null) target.searchParams.set('state', state);
      return { status: 302, location: target.toString(), scopes };
    },
    access(args, authorization) {
      let id = args.client_id;
      let secret = args.client_secret;
      if (authorization?.startsWith('Basic ')) [id, secret] = Buffer.from(authorization.slice(6), 'base64').toString().split(':');
      if (id !== options.clientId || secret !== options.clientSecret) return { ok: false, error: 'invalid_client' };
      const grant = codes.get(String(args.code ?? ''));
      // A code works once, as Slack's do.
      if (!grant) return { ok: false, error: 'invalid_code' };
      codes.delete(String(args.code));
      if (grant.redirectUri !== undefined && args.redirect_uri !== grant.redirectUri) return { ok: false, error: 'bad_redirect_uri' };
      const w = grant.workspace;
      installed.push(w);
      return {
        ok: true,
        app_id: 'A0FAKE001',
        authed_user: { id: 'UINSTALLER' },
        scope: grant.scopes.join(','),
        token_type: 'bot',
        access_token: w.botToken,
        bot_user_id: w.botUserId,
        team: { id: w.teamId, name: w.teamName },
        enterprise: null,
        is_enterprise_install: false,
        ...(w.webhookChannel
          ? { incoming_webhook: { channel: '#support-staff', channel_id: w.webhookChannel, configuration_url: 'https://fake.slack.test/services/B1', url: 'https://hooks.fake.slack.test/services/T/B/X' } }
          : {}),
      };
    },
  };
}
