import type { webApi } from '@slack/bolt';
import type { CommandReply } from '../../app/collab/run-command.js';
import { renderSlackCard } from '../../cards/platform-cards.js';

/** A private answer in Slack's terms: plain text, or a card's blocks. */
export function privateMessage(reply: CommandReply): { text: string; blocks?: webApi.KnownBlock[] } | undefined {
  if (reply.kind === 'none') return undefined;
  if (reply.kind === 'text') return { text: reply.text };
  const [message] = renderSlackCard(reply.view);
  return message ? { text: message.text, blocks: message.blocks as webApi.KnownBlock[] } : undefined;
}
