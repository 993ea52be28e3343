import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseEnv } from '../../../src/config/env.js';
import { SLACK_BOT_SCOPES } from '../../../src/adapters/slack/scopes.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

interface Manifest {
  features: { app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean }; slash_commands: Array<{ command: string }>; bot_user: unknown };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

describe('the Slack app manifest', () => {
  const manifest = parse(readFileSync(path.join(ROOT, 'slack-app-manifest.yaml'), 'utf8')) as Manifest;

  it('subscribes to every event the adapter listens to, with the scopes they need', () => {
    const events = manifest.settings.event_subscriptions.bot_events;
    expect(events).toEqual(expect.arrayContaining(['app_mention', 'message.im', 'message.channels', 'message.groups']));
    const scopes = manifest.oauth_config.scopes.bot;
    const needs: Record<string, string> = {
      app_mention: 'app_mentions:read',
      'message.im': 'im:history',
      'message.channels': 'channels:history',
      'message.groups': 'groups:history',
      'message.mpim': 'mpim:history',
      app_uninstalled: 'chat:write', // needs no scope of its own
    };
    for (const event of events) expect(scopes).toContain(needs[event]);
    expect(scopes).toEqual(expect.arrayContaining(['chat:write', 'im:write', 'commands']));
    // conversations.members, to check that whoever hands a conversation back is in the handoff channel.
    expect(scopes).toEqual(expect.arrayContaining(['channels:read', 'groups:read']));
  });

  it('asks for the same scopes as the OAuth install (/slack/install)', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...SLACK_BOT_SCOPES].sort());
  });

  it('turns on interactivity, the messages tab and the default slash command', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(manifest.features.slash_commands.map((c) => c.command)).toContain(parseEnv({}).SLACK_SLASH_COMMAND);
    expect(typeof manifest.settings.socket_mode_enabled).toBe('boolean');
  });
});
