import type { App } from '@slack/bolt';
import { z } from 'zod';
import { showOverview } from '../../app/follow-ups/overview.js';
import { isAppError } from '../../domain/errors.js';
import type { SlackContext } from './context.js';
import { slackScope } from './workspace.js';

const HomeOpenedSchema = z.object({ user: z.string().min(1).max(64), tab: z.string().max(32).optional() });

/**
 * The Home tab is the person's overview: their open follow-ups with the same buttons as a nudge,
 * and their collaborations. Built when they open it and refreshed when one of their items changes.
 */
export function registerHome(app: App, ctx: SlackContext): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    const parsed = HomeOpenedSchema.safeParse(event);
    // The Messages tab opens this event too; it has nothing to build.
    if (!parsed.success || (parsed.data.tab !== undefined && parsed.data.tab !== 'home')) return;
    try {
      const scope = await slackScope(body, ctx.workspace);
      const locale = await ctx.locales.get(client, scope, parsed.data.user);
      await showOverview(ctx.deps, scope, { id: parsed.data.user }, locale);
    } catch (err) {
      ctx.logger.warn({ where: 'slack.home', code: isAppError(err) ? err.code : 'unexpected' }, 'home tab not published');
    }
  });
}
