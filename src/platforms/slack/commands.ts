import type { App } from '@slack/bolt';
import { openPoll } from '../../app/open-poll.js';
import { parseCommand } from '../../app/parse-command.js';
import { messages } from '../../content/messages.js';
import type { Locale } from '../../domain/poll.js';
import { failureText, type SlackContext } from './context.js';
import { SlashCommandSchema } from './payloads.js';
import { slackScope } from './workspace.js';

/** `/werktsamen poll [vraag]`, `/werktsamen help`. Acknowledged at once; the work follows. */
export function registerCommands(app: App, ctx: SlackContext): void {
  app.command(/^\/werktsamen/, async ({ command, body, ack, respond, client }) => {
    await ack();
    const parsed = SlashCommandSchema.safeParse(command);
    let locale: Locale = 'nl';
    try {
      if (!parsed.success) {
        await respond({ response_type: 'ephemeral', text: messages(locale).errors.invalid_input });
        return;
      }
      const c = parsed.data;
      const scope = await slackScope(body, ctx.workspace);
      locale = await ctx.locales.get(client, scope, c.user_id);
      const cmd = parseCommand(c.text);
      if (cmd.kind === 'help') {
        await respond({ response_type: 'ephemeral', text: messages(locale).help });
      } else if (cmd.kind === 'unknown') {
        await respond({ response_type: 'ephemeral', text: messages(locale).unknownCommand(cmd.word) });
      } else {
        await openPoll(ctx.deps, {
          scope,
          location: { platform: 'slack', channel: c.channel_id },
          userId: c.user_id,
          locale,
          question: cmd.question,
          anonymous: cmd.anonymous,
          hidden: cmd.hidden,
        });
      }
    } catch (err) {
      await respond({ response_type: 'ephemeral', text: failureText(ctx, 'command', err, locale) }).catch(() => undefined);
    }
  });
}
