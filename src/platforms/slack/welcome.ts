import type { App } from '@slack/bolt';
import { z } from 'zod';
import { messages } from '../../content/messages.js';
import { onceKey } from '../../store/keys.js';
import type { SlackContext } from './context.js';
import { slackScope } from './workspace.js';

const JoinedSchema = z.object({ user: z.string().min(1).max(64), channel: z.string().min(1).max(64), inviter: z.string().max(64).optional() });
const DEDUP_SECONDS = 60 * 60;

/** When the bot itself is invited to a channel, it says once what it does and how to begin. */
export function registerWelcome(app: App, ctx: SlackContext): void {
  app.event('member_joined_channel', async ({ event, body, client }) => {
    const parsed = JoinedSchema.safeParse(event);
    const eventId = typeof body.event_id === 'string' && body.event_id.length <= 64 ? body.event_id : undefined;
    if (!parsed.success || !eventId) return;
    try {
      const { botUserId } = await ctx.workspace.resolve();
      if (parsed.data.user !== botUserId) return;
      const scope = await slackScope(body, ctx.workspace);
      if (!(await ctx.kv.claim(onceKey(scope, 'event', eventId), DEDUP_SECONDS, scope))) return;
      const locale = parsed.data.inviter ? await ctx.locales.get(client, scope, parsed.data.inviter) : 'nl';
      await client.chat.postMessage({ channel: parsed.data.channel, text: messages(locale).welcome });
    } catch (err) {
      ctx.logger.warn({ where: 'slack.welcome', errorClass: err instanceof Error ? err.name : typeof err }, 'welcome not posted');
    }
  });
}
