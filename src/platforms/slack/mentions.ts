import type { App } from '@slack/bolt';
import { runCommand } from '../../app/collab/run-command.js';
import { parseCommand } from '../../app/parse-command.js';
import type { Locale } from '../../domain/poll.js';
import { onceKey } from '../../store/keys.js';
import { failureText, type SlackContext } from './context.js';
import { AppMentionSchema } from './payloads.js';
import { privateMessage } from './reply.js';
import { slackPlace } from './slack-messenger.js';
import { slackScope } from './workspace.js';

const EVENT_DEDUP_SECONDS = 60 * 60;

/**
 * `@WerktSamen <command>` in a channel or thread. Slash commands carry no thread, so a mention is
 * how a command reaches the collaboration of the thread it is typed in.
 */
export function registerMentions(app: App, ctx: SlackContext): void {
  app.event('app_mention', async ({ event, body, client }) => {
    const parsed = AppMentionSchema.safeParse(event);
    const eventId = typeof body.event_id === 'string' && body.event_id.length <= 64 ? body.event_id : undefined;
    if (!parsed.success || !eventId) {
      ctx.logger.info({ where: 'slack.mention', code: 'invalid_input' }, 'unreadable app_mention ignored');
      return;
    }
    const e = parsed.data;
    const threadTs = e.thread_ts;
    let locale: Locale = 'nl';
    try {
      const scope = await slackScope(body, ctx.workspace);
      // Slack retries events it thinks we missed; Bolt does not deduplicate them.
      if (!(await ctx.kv.claim(onceKey(scope, 'event', eventId), EVENT_DEDUP_SECONDS, scope))) return;
      locale = await ctx.locales.get(client, scope, e.user);
      // Only the bot's own mention goes: other people's mentions name a follow-up's owner.
      const { botUserId } = await ctx.workspace.resolve();
      const text = e.text.replace(/<@([A-Z0-9]+)(\|[^>]*)?>/g, (token, id: string) => (id === botUserId ? ' ' : token)).trim();
      const reply = await runCommand(ctx.deps, {
        scope,
        place: slackPlace(e.channel, threadTs),
        user: { id: e.user },
        locale,
        command: parseCommand(text),
        text,
        privateReply: true,
      });
      const message = privateMessage(reply);
      if (message) await client.chat.postEphemeral({ channel: e.channel, user: e.user, thread_ts: threadTs, ...message });
    } catch (err) {
      const text = failureText(ctx, 'mention', err, locale);
      await client.chat.postEphemeral({ channel: e.channel, user: e.user, text, thread_ts: threadTs }).catch(() => undefined);
    }
  });
}
