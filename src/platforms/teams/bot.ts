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
import { RawJson } from './raw-json.js';
import { messages, toLocale } from '../../content/messages.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { Locale, Scope } from '../../domain/poll.js';
import type { Logger } from '../../logger.js';
import { conversationKey } from '../../store/keys.js';
import type { RedisKvStore } from '../../store/kv-store.js';
import { ActivitySchema, CardActionSchema, CloseDataSchema, VoteDataSchema, type ActivityFields } from './payloads.js';

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

function scopeOf(a: ActivityFields): Scope {
  // Personal chats in the local client may carry no tenant; they get their own namespace.
  return { platform: 'teams', tenant: a.conversation.tenantId ?? a.channelData?.tenant?.id ?? 'no-tenant' };
}

/** Teams users are identified by their Entra object id when present (stable across chats). */
const userIdOf = (a: ActivityFields): string => a.from.aadObjectId ?? a.from.id;

/** Mentions, chat commands and the poll card's Action.Execute buttons, mapped to the use cases. */
export class WerktSamenTeamsBot extends TeamsActivityHandler {
  constructor(
    private readonly deps: PollDeps,
    private readonly kv: RedisKvStore,
    private readonly logger: Logger,
  ) {
    super();
    this.onMessage(async (ctx, next) => {
      await this.handleMessage(ctx);
      await next();
    });
    this.onConversationUpdate(async (ctx, next) => {
      await this.rememberConversation(ctx);
      await next();
    });
    this.onInstallationUpdate(async (ctx, next) => {
      await this.rememberConversation(ctx);
      await next();
    });
  }

  /** Proactive messages (nudges, later features) need the conversation reference saved on install. */
  private async rememberConversation(ctx: TurnContext): Promise<void> {
    const a = ActivitySchema.safeParse(ctx.activity);
    if (!a.success) return;
    const ref = TurnContext.getConversationReference(ctx.activity);
    await this.kv.put(conversationKey(scopeOf(a.data), a.data.conversation.id), JSON.stringify(ref)).catch((err: unknown) => {
      this.logger.warn({ code: isAppError(err) ? err.code : 'unknown' }, 'conversation reference not saved');
    });
  }

  private async handleMessage(ctx: TurnContext): Promise<void> {
    const a = ActivitySchema.safeParse(ctx.activity);
    if (!a.success) return;
    const locale = toLocale(a.data.locale);
    const text = TurnContext.removeRecipientMention(ctx.activity) ?? ctx.activity.text ?? '';
    const cmd = parseCommand(text.replace(/<at>[^<]*<\/at>/g, ' '));
    try {
      if (cmd.kind === 'help') {
        await ctx.sendActivity(MessageFactory.text(messages(locale).help));
      } else if (cmd.kind === 'unknown') {
        await ctx.sendActivity(MessageFactory.text(messages(locale).unknownCommand(cmd.word)));
      } else {
        await openPoll(this.deps, {
          scope: scopeOf(a.data),
          location: { platform: 'teams', reference: { ...TurnContext.getConversationReference(ctx.activity) } },
          openedBy: userIdOf(a.data),
          locale,
          question: cmd.question,
          anonymous: cmd.anonymous,
        });
      }
    } catch (err) {
      this.logFailure('message', err);
      await ctx.sendActivity(MessageFactory.text(this.errorText(err, locale)));
    }
  }

  protected override async onAdaptiveCardInvoke(
    ctx: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const a = ActivitySchema.safeParse(ctx.activity);
    const action = CardActionSchema.safeParse(invokeValue);
    const locale = toLocale(a.success ? a.data.locale : undefined);
    if (!a.success || !action.success) return this.errorResponse(new AppError('invalid_input'), locale);
    const scope = scopeOf(a.data);
    const userId = userIdOf(a.data);
    const { verb, data } = action.data.action;
    const pollId = typeof data.pollId === 'string' ? data.pollId : undefined;
    try {
      if (verb === 'vote') {
        const vote = VoteDataSchema.safeParse(data);
        if (!vote.success) throw new AppError('invalid_input');
        const outcome = await castVote(this.deps, { scope, pollId: vote.data.pollId, userId, userName: a.data.from.name, choice: vote.data.choice });
        return this.cardResponse(outcome.state, { ownVote: vote.data.choice });
      }
      if (verb === 'close') {
        const close = CloseDataSchema.safeParse(data);
        if (!close.success) throw new AppError('invalid_input');
        const state = await closePoll(this.deps, { scope, pollId: close.data.pollId, userId });
        return this.cardResponse(state, {});
      }
      throw new AppError('invalid_input', 'unknown verb');
    } catch (err) {
      this.logFailure('invoke', err);
      // Show the card as it is, with a private notice, when the poll can still be read.
      const state = pollId && !isAppError(err, 'store_unavailable') ? await loadPoll(this.deps, scope, pollId).catch(() => undefined) : undefined;
      if (state) return this.cardResponse(state, { notice: this.errorText(err, state.poll.locale) });
      return this.errorResponse(err, locale);
    }
  }

  private cardResponse(state: PollState, personal: PersonalView): AdaptiveCardInvokeResponse {
    // The card stays JSON text all the way to the wire (see raw-json.ts); botbuilder only passes it on.
    const card = new RawJson(renderTeamsPollJson(buildPollCardModel(state, personal)));
    return { statusCode: 200, type: CARD_TYPE, value: card as unknown as Record<string, unknown> };
  }

  /** A small card with only the private message, for when there is no poll to show. */
  private errorResponse(err: unknown, locale: Locale): AdaptiveCardInvokeResponse {
    return { statusCode: 200, type: CARD_TYPE, value: renderTeamsNotice(this.errorText(err, locale)) };
  }

  private errorText(err: unknown, locale: Locale): string {
    return messages(locale).errors[isAppError(err) ? err.code : 'store_unavailable'];
  }

  private logFailure(where: string, err: unknown): void {
    const code = isAppError(err) ? err.code : 'unexpected';
    this.logger[code === 'unexpected' || code === 'store_unavailable' ? 'error' : 'info']({ where, code }, 'teams request not completed');
  }
}
