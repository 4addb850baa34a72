import type { App } from '@slack/bolt';
import { openPoll } from '../../app/open-poll.js';
import { parseCommand } from '../../app/parse-command.js';
import { messages } from '../../content/messages.js';
import type { Locale } from '../../domain/poll.js';
import { onceKey } from '../../store/keys.js';
import { failureText, type SlackContext } from './context.js';
import { AppMentionSchema } from './payloads.js';
import { slackScope } from './workspace.js';

const EVENT_DEDUP_SECONDS = 60 * 60;

/**
 * `@WerktSamen poll [vraag]` in a channel or thread. Slash commands carry no thread, so a mention
 * is how a poll gets posted inside a collaboration's thread.
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
      const cmd = parseCommand(e.text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' '));
      if (cmd.kind === 'poll') {
        await openPoll(ctx.deps, {
          scope,
          location: { platform: 'slack', channel: e.channel, threadTs },
          userId: e.user,
          locale,
          question: cmd.question,
          anonymous: cmd.anonymous,
          hidden: cmd.hidden,
        });
        return;
      }
      const text = cmd.kind === 'help' ? messages(locale).help : messages(locale).unknownCommand(cmd.word);
      await client.chat.postEphemeral({ channel: e.channel, user: e.user, text, thread_ts: threadTs });
    } catch (err) {
      const text = failureText(ctx, 'mention', err, locale);
      await client.chat.postEphemeral({ channel: e.channel, user: e.user, text, thread_ts: threadTs }).catch(() => undefined);
    }
  });
}
