import {
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import { castVote, loadPoll } from '../../app/cast-vote.js';
import { closePoll } from '../../app/close-poll.js';
import type { PollDeps } from '../../app/deps.js';
import type { PollState } from '../../app/ports.js';
import { openPoll } from '../../app/open-poll.js';
import { parseCommand } from '../../app/parse-command.js';
import { buildPollCardModel, type PersonalView } from '../../cards/poll-card-model.js';
import { renderTeamsNotice, renderTeamsPollJson } from '../../cards/render.js';
import { messages, toLocale } from '../../content/messages.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { Locale, Scope } from '../../domain/poll.js';
import type { Logger } from '../../logger.js';
import { reportFailure } from '../failures.js';
import type { TeamsConversations } from './conversations.js';
import { teamsErrorCode, toAppError } from './errors.js';
import { teamsScope, type TeamsPolicy } from './identity.js';
import { ActivitySchema, CardActionSchema, CloseDataSchema, VoteDataSchema, type ActivityFields } from './payloads.js';
import { RawJson } from './raw-json.js';
import { storableReference } from './reference.js';

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Teams users are identified by their Entra object id when present (stable across chats). */
const userIdOf = (a: ActivityFields): string => a.from.aadObjectId ?? a.from.id;

/** Mentions, chat commands, install and uninstall, and the poll card's Action.Execute buttons. */
export class WerktSamenTeamsBot extends TeamsActivityHandler {
  constructor(
    private readonly deps: PollDeps,
    private readonly conversations: TeamsConversations,
    private readonly policy: TeamsPolicy,
    private readonly logger: Logger,
  ) {
    super();
    this.onMessage(async (ctx, next) => {
      await this.handleMessage(ctx);
      await next();
    });
    this.onConversationUpdate(async (ctx, next) => {
      const removed = ctx.activity.membersRemoved?.some((m) => m.id === ctx.activity.recipient?.id);
      if (!removed) await this.remember(ctx);
      await next();
    });
    this.onInstallationUpdateAdd(async (ctx, next) => {
      await this.remember(ctx);
      await next();
    });
    this.onInstallationUpdateRemove(async (ctx, next) => {
      await this.forget(ctx);
      await next();
    });
    this.onTeamsMembersRemovedEvent(async (members, _team, ctx, next) => {
      if (members.some((m) => m.id === ctx.activity.recipient?.id)) await this.forget(ctx);
      await next();
    });
    this.onTeamsTeamDeletedEvent(async (_team, ctx, next) => {
      await this.forget(ctx);
      await next();
    });
  }

  private scopeOf(ctx: TurnContext): Scope {
    const verdict = teamsScope(ctx.activity, this.policy);
    if (!verdict.ok) throw new AppError('wrong_workspace', verdict.reason);
    return verdict.scope;
  }

  /** Proactive messages (nudges, later features) need the conversation reference. */
  private async remember(ctx: TurnContext): Promise<void> {
    await this.conversations.remember(this.scopeOf(ctx), ctx.activity).catch((err: unknown) => {
      this.logger.warn({ where: 'teams.remember', code: isAppError(err) ? err.code : 'unexpected' }, 'conversation reference not saved');
    });
  }

  /** The app was removed from this chat or team: its references go at once. */
  private async forget(ctx: TurnContext): Promise<void> {
    try {
      await this.conversations.forget(this.scopeOf(ctx), ctx.activity);
      this.logger.info({ where: 'teams.uninstall' }, 'conversation references deleted');
    } catch (err) {
      this.logger.error({ where: 'teams.uninstall', code: isAppError(err) ? err.code : 'unexpected' }, 'conversation references not deleted');
    }
  }

  private async handleMessage(ctx: TurnContext): Promise<void> {
    const a = ActivitySchema.safeParse(ctx.activity);
    const locale = toLocale(a.success ? a.data.locale : undefined);
    try {
      if (!a.success) throw new AppError('invalid_input');
      const scope = this.scopeOf(ctx);
      await this.remember(ctx);
      const text = TurnContext.removeRecipientMention(ctx.activity) ?? ctx.activity.text ?? '';
      const cmd = parseCommand(text.replace(/<at>[^<]*<\/at>/g, ' '));
      if (cmd.kind === 'help') {
        await ctx.sendActivity(MessageFactory.text(messages(locale).help));
      } else if (cmd.kind === 'unknown') {
        await ctx.sendActivity(MessageFactory.text(messages(locale).unknownCommand(cmd.word)));
      } else {
        await openPoll(this.deps, {
          scope,
          location: { platform: 'teams', reference: { ...storableReference(ctx.activity) } },
          userId: userIdOf(a.data),
          locale,
          question: cmd.question,
          anonymous: cmd.anonymous,
          hidden: cmd.hidden,
        });
      }
    } catch (err) {
      await ctx.sendActivity(MessageFactory.text(this.failure('message', err, locale))).catch(() => undefined);
    }
  }

  protected override async onAdaptiveCardInvoke(ctx: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const a = ActivitySchema.safeParse(ctx.activity);
    const action = CardActionSchema.safeParse(invokeValue);
    const locale = toLocale(a.success ? a.data.locale : undefined);
    if (!a.success || !action.success) return this.errorResponse(this.failure('invoke', new AppError('invalid_input'), locale));
    const userId = userIdOf(a.data);
    const { verb, data } = action.data.action;
    const pollId = typeof data.pollId === 'string' ? data.pollId : undefined;
    let scope: Scope | undefined;
    try {
      scope = this.scopeOf(ctx);
      if (verb === 'vote') {
        const vote = VoteDataSchema.safeParse(data);
        if (!vote.success) throw new AppError('invalid_input');
        const outcome = await castVote(this.deps, { scope, pollId: vote.data.pollId, userId, userName: a.data.from.name, choice: vote.data.choice });
        return this.cardResponse(outcome.state, { ownVote: vote.data.choice });
      }
      if (verb === 'close') {
        const close = CloseDataSchema.safeParse(data);
        if (!close.success) throw new AppError('invalid_input');
        return this.cardResponse(await closePoll(this.deps, { scope, pollId: close.data.pollId, userId }), {});
      }
      throw new AppError('invalid_input', 'unknown verb');
    } catch (err) {
      const text = this.failure('invoke', err, locale);
      // Show the card as it is, with the private notice, when the poll can still be read.
      const readable = scope && pollId && !isAppError(err, 'store_unavailable');
      const state = readable ? await loadPoll(this.deps, scope!, pollId!).catch(() => undefined) : undefined;
      return state ? this.cardResponse(state, { notice: text }) : this.errorResponse(text);
    }
  }

  private cardResponse(state: PollState, personal: PersonalView): AdaptiveCardInvokeResponse {
    // The card stays JSON text all the way to the wire (see raw-json.ts); botbuilder only passes it on.
    const card = new RawJson(renderTeamsPollJson(buildPollCardModel(state, personal)));
    return { statusCode: 200, type: CARD_TYPE, value: card as unknown as Record<string, unknown> };
  }

  /** A small card with only the private message, for when there is no poll to show. */
  private errorResponse(text: string): AdaptiveCardInvokeResponse {
    return { statusCode: 200, type: CARD_TYPE, value: renderTeamsNotice(text) };
  }

  private failure(where: string, err: unknown, locale: Locale): string {
    return reportFailure(this.logger, `teams.${where}`, toAppError(err), locale, teamsErrorCode(err));
  }
}
