import type { App, BlockAction } from '@slack/bolt';
import { castVote } from '../../app/cast-vote.js';
import { closePoll } from '../../app/close-poll.js';
import { AppError } from '../../domain/errors.js';
import { PollIdSchema, TemperatureSchema, type Locale, type Scope } from '../../domain/poll.js';
import { CLOSE_ACTION_ID } from '../../cards/poll-card-model.js';
import { failureText, type SlackContext } from './context.js';
import { BlockActionSchema, ButtonActionSchema } from './payloads.js';
import { slackScope } from './workspace.js';

const VOTE_ACTION = /^poll_vote_(veel|gemixt|weinig)$/;

interface Parsed {
  userId: string;
  userName?: string;
  pollId: string;
  actionId: string;
}

function parseAction(body: unknown, action: unknown): Parsed {
  const b = BlockActionSchema.safeParse(body);
  const a = ButtonActionSchema.safeParse(action);
  if (!b.success || !a.success) throw new AppError('invalid_input');
  const pollId = PollIdSchema.safeParse(a.data.value);
  if (!pollId.success) throw new AppError('invalid_input');
  return {
    userId: b.data.user.id,
    userName: b.data.user.name ?? b.data.user.username,
    pollId: pollId.data,
    actionId: a.data.action_id,
  };
}

/**
 * The poll card's buttons. Votes are acknowledged at once and counted once per person
 * (a double click or retry repeats the same vote); the shared card follows within seconds.
 */
export function registerActions(app: App, ctx: SlackContext): void {
  app.action<BlockAction>(/.*/, async ({ body, action, ack, respond, client }) => {
    await ack();
    let scope: Scope | undefined;
    let userId: string | undefined;
    try {
      scope = await slackScope(body, ctx.workspace);
      const parsed = parseAction(body, action);
      userId = parsed.userId;
      const vote = VOTE_ACTION.exec(parsed.actionId);
      if (vote) {
        // No private confirmation per vote: the shared card shows the new count within two seconds,
        // and a message per click would cost a Web API call each under a burst of votes.
        await castVote(ctx.deps, {
          scope,
          pollId: parsed.pollId,
          userId: parsed.userId,
          userName: parsed.userName,
          choice: TemperatureSchema.parse(vote[1]),
        });
      } else if (parsed.actionId === CLOSE_ACTION_ID) {
        await closePoll(ctx.deps, { scope, pollId: parsed.pollId, userId: parsed.userId });
      } else {
        throw new AppError('invalid_input', 'unknown action');
      }
    } catch (err) {
      const locale: Locale = scope && userId ? await ctx.locales.get(client, scope, userId) : 'nl';
      const text = failureText(ctx, 'action', err, locale);
      await respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
    }
  });
}
