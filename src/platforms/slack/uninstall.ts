import type { App } from '@slack/bolt';
import { forgetWorkspace } from '../../app/forget-workspace.js';
import type { SlackContext } from './context.js';
import { slackScope } from './workspace.js';

/**
 * When the workspace removes the app (app_uninstalled) or revokes the bot token (tokens_revoked),
 * everything stored for it is deleted: polls, counts, cached locales, queued jobs.
 */
export function registerUninstall(app: App, ctx: SlackContext): void {
  const forget = async (body: unknown, reason: string): Promise<void> => {
    try {
      const scope = await slackScope(body, ctx.workspace);
      const deleted = await forgetWorkspace(ctx.deps, scope);
      ctx.logger.warn({ where: 'slack.uninstall', reason, deleted }, 'workspace data deleted');
    } catch (err) {
      ctx.logger.error({ where: 'slack.uninstall', reason, errorClass: err instanceof Error ? err.name : typeof err }, 'workspace data not deleted');
    }
  };
  app.event('app_uninstalled', async ({ body }) => forget(body, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, body }) => {
    // Only the bot token matters: user tokens are not used.
    if ((event.tokens.bot ?? []).length > 0) await forget(body, 'tokens_revoked');
  });
}
