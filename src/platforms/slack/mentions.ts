import type { App } from '@slack/bolt';
import { openPoll } from '../../app/open-poll.js';
import { parseCommand } from '../../app/parse-command.js';
import { messages } from '../../content/messages.js';
import type { Scope } from '../../domain/poll.js';
import { onceKey } from '../../store/keys.js';
import { errorText, logFailure, type SlackContext } from './context.js';
import { AppMentionSchema } from './payloads.js';

const EVENT_DEDUP_SECONDS = 60 * 60;

/**
 * `@WerktSamen poll [vraag]` in a channel or thread. Slash commands carry no thread, so a mention
 * is how a poll gets posted inside a collaboration's thread.
 */
export function registerMentions(app: App, ctx: SlackContext): void {
  app.event('app_mention', async ({ event, body, client }) => {
    const parsed = AppMentionSchema.safeParse(event);
    const teamId = typeof body.team_id === 'string' ? body.team_id : undefined;
    const eventId = typeof body.event_id === 'string' ? body.event_id : undefined;
    if (!parsed.success || !teamId || !eventId) {
      ctx.logger.info({ where: 'mention' }, 'unreadable app_mention ignored');
      return;
    }
    const e = parsed.data;
    const scope: Scope = { platform: 'slack', tenant: teamId };
    const threadTs = e.thread_ts;
    let locale: 'nl' | 'en' = 'nl';
    try {
      // Slack retries events it thinks we missed; Bolt does not deduplicate them.
      if (!(await ctx.kv.claim(onceKey(scope, 'event', eventId), EVENT_DEDUP_SECONDS))) return;
      locale = await ctx.locales.get(client, scope, e.user);
      const cmd = parseCommand(e.text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' '));
      if (cmd.kind === 'poll') {
        await openPoll(ctx.deps, {
          scope,
          location: { platform: 'slack', channel: e.channel, threadTs },
          openedBy: e.user,
          locale,
          question: cmd.question,
          anonymous: cmd.anonymous,
        });
        return;
      }
      const text = cmd.kind === 'help' ? messages(locale).help : messages(locale).unknownCommand(cmd.word);
      await client.chat.postEphemeral({ channel: e.channel, user: e.user, text, thread_ts: threadTs });
    } catch (err) {
      logFailure(ctx.logger, 'mention', err);
      await client.chat
        .postEphemeral({ channel: e.channel, user: e.user, text: errorText(err, locale), thread_ts: threadTs })
        .catch(() => undefined);
    }
  });
}
