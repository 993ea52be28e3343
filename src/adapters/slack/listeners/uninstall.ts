import type { SlackInstallations } from '../installation-store.js';
import type { SlackListenerContext } from './context.js';

/** A workspace that removes the app is forgotten: its token is useless now. */
export function listenToUninstalls(ctx: SlackListenerContext, installations: SlackInstallations): void {
  const forget = (name: string) =>
    ctx.boundary.wrap(name, async ({ context }: { context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean } }) => {
      const isEnterpriseInstall = context.isEnterpriseInstall === true;
      await installations.deleteInstallation?.({ teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall } as never);
    });
  ctx.app.event('app_uninstalled', forget('app_uninstalled'));
}
