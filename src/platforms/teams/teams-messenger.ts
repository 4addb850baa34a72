import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { AppError } from '../../domain/errors.js';
import type { MessageLocation, Messenger, PollState } from '../../app/ports.js';
import { buildPollCardModel } from '../../cards/poll-card-model.js';
import { renderTeamsPoll } from '../../cards/render.js';

/** Posts poll cards into a conversation and updates them in place (proactively, from any process). */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  async postPoll(location: MessageLocation, state: PollState): Promise<MessageLocation> {
    if (location.platform !== 'teams') throw new AppError('invalid_input', 'not a teams location');
    const card = CardFactory.adaptiveCard(renderTeamsPoll(buildPollCardModel(state)));
    let activityId: string | undefined;
    await this.adapter.continueConversationAsync(this.appId, location.reference as Partial<ConversationReference>, async (ctx) => {
      const sent = await ctx.sendActivity(MessageFactory.attachment(card));
      activityId = sent?.id;
    });
    if (!activityId) throw new AppError('store_unavailable', 'teams returned no activity id');
    return { ...location, activityId };
  }

  async updatePoll(location: MessageLocation, state: PollState): Promise<void> {
    if (location.platform !== 'teams' || !location.activityId) throw new AppError('invalid_input', 'not a posted teams message');
    const card = CardFactory.adaptiveCard(renderTeamsPoll(buildPollCardModel(state)));
    const id = location.activityId;
    await this.adapter.continueConversationAsync(this.appId, location.reference as Partial<ConversationReference>, async (ctx) => {
      await ctx.updateActivity({ ...MessageFactory.attachment(card), id });
    });
  }
}
