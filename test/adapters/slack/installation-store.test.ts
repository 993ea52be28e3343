import { describe, expect, it } from 'vitest';
import { createSlackInstallations, INSTALLATIONS_NAMESPACE } from '../../../src/adapters/slack/installation-store.js';
import { silentLogger } from '../../../src/core/logger.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';

const installation = {
  team: { id: 'T1', name: 'Acme' },
  enterprise: undefined,
  user: { token: undefined, scopes: undefined, id: 'U1' },
  bot: { token: 'xoxb-1', scopes: ['chat:write'], id: 'B1', userId: 'UB1' },
  incomingWebhook: { url: 'https://hooks/x', channelId: 'CSTAFF' },
  isEnterpriseInstall: false,
  authVersion: 'v2' as const,
};
const query = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false as const };

describe("Bolt's installation store over the bot's store", () => {
  it('keeps an installation by workspace and gives it back, with its handoff channel', async () => {
    const store = createMemoryStore();
    const installations = createSlackInstallations(store.records!(INSTALLATIONS_NAMESPACE), silentLogger());
    await installations.storeInstallation(installation);
    expect(await installations.fetchInstallation(query)).toMatchObject({ bot: { token: 'xoxb-1', userId: 'UB1' }, team: { id: 'T1' } });
    expect(await installations.handoffChannelOf('T1')).toBe('CSTAFF');
    expect(await installations.handoffChannelOf('T2')).toBeUndefined();
  });

  it('keeps an org-wide install under its enterprise', async () => {
    const store = createMemoryStore();
    const installations = createSlackInstallations(store.records!(INSTALLATIONS_NAMESPACE), silentLogger());
    await installations.storeInstallation({ ...installation, team: undefined, enterprise: { id: 'E1' }, isEnterpriseInstall: true } as never);
    expect(await installations.fetchInstallation({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true })).toMatchObject({ enterprise: { id: 'E1' } });
  });

  it('says which workspace is not installed, refuses an installation without a bot token, and forgets a deleted one', async () => {
    const store = createMemoryStore();
    const installations = createSlackInstallations(store.records!(INSTALLATIONS_NAMESPACE), silentLogger());
    await expect(installations.fetchInstallation(query)).rejects.toThrow(/not installed in Slack workspace T1/);
    await expect(installations.storeInstallation({ ...installation, bot: undefined } as never)).rejects.toThrow(/without a bot token/);
    await installations.storeInstallation(installation);
    await installations.deleteInstallation!(query);
    await expect(installations.fetchInstallation(query)).rejects.toThrow(/not installed/);
  });

  it('refuses a stored record it cannot use, saying to install again', async () => {
    const store = createMemoryStore();
    await store.records!(INSTALLATIONS_NAMESPACE).set('team:T1', { team: { id: 'T1' }, bot: { token: 42 } });
    const installations = createSlackInstallations(store.records!(INSTALLATIONS_NAMESPACE), silentLogger());
    await expect(installations.fetchInstallation(query)).rejects.toThrow(/unusable .*install the app again at \/slack\/install/);
  });
});
