import type { webApi } from '@slack/bolt';
import { AppError } from '../../domain/errors.js';
import type { MessageLocation, Messenger, PollState } from '../../app/ports.js';
import { buildPollCardModel } from '../../cards/poll-card-model.js';
import { renderSlackNotice, renderSlackPoll, type SlackMessage } from '../../cards/render.js';
import { toAppError } from './errors.js';

/** Posts and updates poll cards with chat.postMessage / chat.update; Web API errors leave as coded AppErrors. */
export class SlackMessenger implements Messenger {
  constructor(private readonly client: webApi.WebClient) {}

  async postPoll(location: MessageLocation, state: PollState): Promise<MessageLocation> {
    if (location.platform !== 'slack') throw new AppError('invalid_input', 'not a slack location');
    const message = renderSlackPoll(buildPollCardModel(state));
    const res = await this.client.chat
      .postMessage({ channel: location.channel, thread_ts: location.threadTs, text: message.text, blocks: message.blocks as webApi.KnownBlock[] })
      .catch((err: unknown) => {
        throw toAppError(err);
      });
    if (!res.ts) throw new AppError('unexpected', 'postMessage returned no ts');
    return { ...location, channel: res.channel ?? location.channel, ts: res.ts };
  }

  async updatePoll(location: MessageLocation, state: PollState): Promise<void> {
    await this.update(location, renderSlackPoll(buildPollCardModel(state)));
  }

  async replaceWithNotice(location: MessageLocation, text: string): Promise<void> {
    await this.update(location, renderSlackNotice(text));
  }

  private async update(location: MessageLocation, message: SlackMessage): Promise<void> {
    if (location.platform !== 'slack' || !location.ts) throw new AppError('invalid_input', 'not a posted slack message');
    await this.client.chat
      .update({ channel: location.channel, ts: location.ts, text: message.text, blocks: message.blocks as webApi.KnownBlock[] })
      .catch((err: unknown) => {
        throw toAppError(err);
      });
  }
}
