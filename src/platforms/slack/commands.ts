import type { App } from '@slack/bolt';
import { openPoll } from '../../app/open-poll.js';
import { parseCommand } from '../../app/parse-command.js';
import { messages } from '../../content/messages.js';
import type { Scope } from '../../domain/poll.js';
import { errorText, logFailure, type SlackContext } from './context.js';
import { SlashCommandSchema } from './payloads.js';

/** `/werktsamen poll [vraag]`, `/werktsamen help`. Acknowledged at once; the work follows. */
export function registerCommands(app: App, ctx: SlackContext): void {
  app.command(/^\/werktsamen/, async ({ command, ack, respond, client }) => {
    await ack();
    const parsed = SlashCommandSchema.safeParse(command);
    if (!parsed.success) {
      await respond({ response_type: 'ephemeral', text: messages('nl').errors.invalid_input });
      return;
    }
    const c = parsed.data;
    const scope: Scope = { platform: 'slack', tenant: c.team_id };
    const locale = await ctx.locales.get(client, scope, c.user_id);
    const cmd = parseCommand(c.text);
    try {
      if (cmd.kind === 'help') {
        await respond({ response_type: 'ephemeral', text: messages(locale).help });
      } else if (cmd.kind === 'unknown') {
        await respond({ response_type: 'ephemeral', text: messages(locale).unknownCommand(cmd.word) });
      } else {
        await openPoll(ctx.deps, {
          scope,
          location: { platform: 'slack', channel: c.channel_id },
          openedBy: c.user_id,
          locale,
          question: cmd.question,
          anonymous: cmd.anonymous,
        });
      }
    } catch (err) {
      logFailure(ctx.logger, 'command', err);
      await respond({ response_type: 'ephemeral', text: errorText(err, locale) });
    }
  });
}
