/**
 * The bot scopes the app asks for when a workspace installs it through /slack/install; the same
 * list as slack-app-manifest.yaml (a test keeps them in step).
 */
export const SLACK_BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'groups:history',
  'im:history',
  'mpim:history',
  'chat:write',
  'im:write',
  'commands',
  'channels:read',
  'groups:read',
  'users:read',
  'incoming-webhook',
] as const;
