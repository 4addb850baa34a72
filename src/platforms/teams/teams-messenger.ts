import { CardFactory, MessageFactory, type Attachment, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import { AppError } from '../../domain/errors.js';
import type { MessageLocation, Messenger, PollState, TeamsLocation } from '../../app/ports.js';
import { buildPollCardModel } from '../../cards/poll-card-model.js';
import { renderTeamsNotice, renderTeamsPoll } from '../../cards/render.js';
import { toAppError } from './errors.js';
import { isLoopbackUrl } from './identity.js';

/**
 * Posts poll cards into a conversation and updates them in place (proactively, from any process).
 * Connector errors leave as coded AppErrors. In local mode nothing is ever sent off this machine.
 */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly localOnly: boolean,
  ) {}

  async postPoll(location: MessageLocation, state: PollState): Promise<MessageLocation> {
    const teams = this.teamsLocation(location);
    const card = CardFactory.adaptiveCard(renderTeamsPoll(buildPollCardModel(state)));
    let activityId: string | undefined;
    await this.inConversation(teams, async (ctx) => {
      activityId = (await ctx.sendActivity(MessageFactory.attachment(card)))?.id;
    });
    if (!activityId) throw new AppError('unexpected', 'teams returned no activity id');
    return { ...teams, activityId };
  }

  async updatePoll(location: MessageLocation, state: PollState): Promise<void> {
    await this.update(location, CardFactory.adaptiveCard(renderTeamsPoll(buildPollCardModel(state))));
  }

  async replaceWithNotice(location: MessageLocation, text: string): Promise<void> {
    await this.update(location, CardFactory.adaptiveCard(renderTeamsNotice(text)));
  }

  private async update(location: MessageLocation, card: Attachment): Promise<void> {
    const teams = this.teamsLocation(location);
    const id = teams.activityId;
    if (!id) throw new AppError('invalid_input', 'not a posted teams message');
    await this.inConversation(teams, async (ctx) => {
      await ctx.updateActivity({ ...MessageFactory.attachment(card), id });
    });
  }

  private teamsLocation(location: MessageLocation): TeamsLocation {
    if (location.platform !== 'teams') throw new AppError('invalid_input', 'not a teams location');
    if (this.localOnly && !isLoopbackUrl(location.reference.serviceUrl)) throw new AppError('app_not_authorized', 'local mode sends to this machine only');
    return location;
  }

  /**
   * Runs `work` in the conversation. The error is caught inside: CloudAdapter would hand it to
   * onTurnError and report success, and a refresh must know that its update did not arrive.
   */
  private async inConversation(location: TeamsLocation, work: (ctx: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.appId, location.reference as Partial<ConversationReference>, async (ctx) => {
      try {
        await work(ctx);
      } catch (err) {
        failure = err;
      }
    });
    if (failure !== undefined) throw toAppError(failure);
  }
}
