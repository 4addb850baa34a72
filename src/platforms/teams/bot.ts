import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import type { CardView } from '../../app/card-views.js';
import { runCommand } from '../../app/collab/run-command.js';
import type { AppDeps } from '../../app/deps.js';
import { parseCommand } from '../../app/parse-command.js';
import { renderTeamsCard } from '../../cards/platform-cards.js';
import { buildPollCardModel } from '../../cards/poll-card-model.js';
import { renderTeamsNotice, renderTeamsPollJson } from '../../cards/render.js';
import type { Person } from '../../domain/collaboration.js';
import { messages, toLocale } from '../../content/messages.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { Locale, Scope } from '../../domain/poll.js';
import type { Logger } from '../../logger.js';
import { reportFailure } from '../failures.js';
import type { TeamsConversations } from './conversations.js';
import { teamsErrorCode, toAppError } from './errors.js';
import { teamsScope, type TeamsPolicy } from './identity.js';
import { currentView, invokeHandlers } from './invokes.js';
import { commandText } from './mentions.js';
import { isKnownZone } from '../../app/follow-ups/nudge-times.js';
import { ActivitySchema, CardActionSchema, type ActivityFields } from './payloads.js';
import { teamsPlace } from './teams-messenger.js';
import { RawJson } from './raw-json.js';
import { storableReference } from './reference.js';

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Teams users are identified by their Entra object id when present (stable across chats); the
 * name is what cards show, since Teams cards cannot resolve an id to a name themselves.
 */
const personOf = (a: ActivityFields): Person => ({ id: a.from.aadObjectId ?? a.from.id, name: a.from.name?.slice(0, 100) });

/** Mentions, chat commands, install and uninstall, and the poll card's Action.Execute buttons. */
export class WerktSamenTeamsBot extends TeamsActivityHandler {
  constructor(
    private readonly deps: AppDeps,
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
      if (ctx.activity.membersAdded?.some((m) => m.id === ctx.activity.recipient?.id)) await this.welcome(ctx);
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
  /** Keeps the sender's zone for their nudges (Teams' roster has none); a failure only costs the default zone. */
  private async rememberZone(scope: Scope, a: ActivityFields): Promise<void> {
    const zone = a.localTimezone;
    if (!zone || !isKnownZone(zone)) return;
    await this.deps.followUps.setPersonZone(scope, personOf(a).id, zone).catch(() => undefined);
  }

  private async remember(ctx: TurnContext): Promise<void> {
    await this.conversations.remember(this.scopeOf(ctx), ctx.activity).catch((err: unknown) => {
      this.logger.warn({ where: 'teams.remember', code: isAppError(err) ? err.code : 'unexpected' }, 'conversation reference not saved');
    });
  }

  /** The bot was added to a team, chat or personal scope: one short message on how to begin. */
  private async welcome(ctx: TurnContext): Promise<void> {
    try {
      this.scopeOf(ctx);
      await ctx.sendActivity(MessageFactory.text(messages(toLocale(ctx.activity.locale)).welcome));
    } catch (err) {
      this.logger.warn({ where: 'teams.welcome', code: isAppError(err) ? err.code : 'unexpected' }, 'welcome not sent');
    }
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
      await this.rememberZone(scope, a.data);
      const text = await commandText(ctx);
      const reply = await runCommand(this.deps, {
        scope,
        place: teamsPlace(storableReference(ctx.activity)),
        user: personOf(a.data),
        locale,
        command: parseCommand(text),
        text,
        privateReply: false,
        personalChat: a.data.conversation.conversationType === 'personal',
      });
      if (reply.kind === 'text') await ctx.sendActivity(MessageFactory.text(reply.text));
      if (reply.kind === 'card') {
        for (const card of renderTeamsCard(reply.view)) await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
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
    const { verb, data } = action.data.action;
    let scope: Scope | undefined;
    try {
      scope = this.scopeOf(ctx);
      const handler = Object.hasOwn(invokeHandlers, verb) ? invokeHandlers[verb] : undefined;
      if (!handler) throw new AppError('invalid_input', 'unknown verb');
      const result = await handler({ deps: this.deps, ctx, scope, user: personOf(a.data), locale, data });
      return 'view' in result ? this.cardResponse(result.view) : this.errorResponse(result.notice);
    } catch (err) {
      const text = this.failure('invoke', err, locale);
      // Show the card as it is, with the private notice, when it can still be read.
      const readable = scope && !isAppError(err, 'store_unavailable');
      const view = readable ? await currentView(this.deps, scope!, verb, data).catch(() => undefined) : undefined;
      if (view?.kind === 'poll') return this.cardResponse({ ...view, personal: { notice: text } });
      return this.errorResponse(text);
    }
  }

  private cardResponse(view: CardView): AdaptiveCardInvokeResponse {
    // The card stays JSON text all the way to the wire (see raw-json.ts); botbuilder only passes it on.
    const json = view.kind === 'poll' ? renderTeamsPollJson(buildPollCardModel(view.state, view.personal)) : JSON.stringify(renderTeamsCard(view)[0]);
    return { statusCode: 200, type: CARD_TYPE, value: new RawJson(json) as unknown as Record<string, unknown> };
  }

  /** A small card with only the private message, for when there is no card to show. */
  private errorResponse(text: string): AdaptiveCardInvokeResponse {
    return { statusCode: 200, type: CARD_TYPE, value: renderTeamsNotice(text) };
  }

  private failure(where: string, err: unknown, locale: Locale): string {
    return reportFailure(this.logger, `teams.${where}`, toAppError(err), locale, teamsErrorCode(err));
  }
}
