import type { App } from '@slack/bolt';
import { runCommand } from '../../app/collab/run-command.js';
import { parseCommand } from '../../app/parse-command.js';
import { messages } from '../../content/messages.js';
import type { Locale } from '../../domain/poll.js';
import { failureText, type SlackContext } from './context.js';
import { SlashCommandSchema } from './payloads.js';
import { privateMessage } from './reply.js';
import { slackPlace } from './slack-messenger.js';
import { slackScope } from './workspace.js';

/** `/werktsamen <command>`: acknowledged at once; the work follows, private answers go to the caller only. */
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
      const reply = await runCommand(ctx.deps, {
        scope,
        place: slackPlace(c.channel_id),
        user: { id: c.user_id },
        locale,
        command: parseCommand(c.text),
        text: c.text,
        privateReply: true,
      });
      const message = privateMessage(reply);
      if (message) await respond({ response_type: 'ephemeral', ...message });
    } catch (err) {
      await respond({ response_type: 'ephemeral', text: failureText(ctx, 'command', err, locale) }).catch(() => undefined);
    }
  });
}
