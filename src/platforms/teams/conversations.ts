import type { Activity } from 'botbuilder';
import type { Scope } from '../../domain/poll.js';
import { conversationKey, teamConversationsKey } from '../../store/keys.js';
import type { RedisKvStore } from '../../store/kv-store.js';
import { storableReference } from './reference.js';

interface TeamsChannelData {
  team?: { id?: unknown };
}

/** A channel thread (`19:…;messageid=…`) belongs to its channel's conversation. */
const baseConversationId = (id: string): string => id.split(';')[0] ?? id;
const teamIdOf = (activity: Partial<Activity>): string | undefined => {
  const id = (activity.channelData as TeamsChannelData | undefined)?.team?.id;
  return typeof id === 'string' && id.length <= 256 ? id : undefined;
};

/**
 * Conversation references for proactive messages. Each lives until the app is uninstalled there,
 * and at most `lifetimeSeconds` after the last activity in it (an uninstall we never heard of).
 * A team's channels are listed together, so removing the app from the team forgets them all.
 */
export class TeamsConversations {
  constructor(
    private readonly kv: RedisKvStore,
    private readonly lifetimeSeconds: number,
  ) {}

  async remember(scope: Scope, activity: Partial<Activity>): Promise<void> {
    const conversationId = activity.conversation?.id;
    if (!conversationId) return;
    const key = conversationKey(scope, baseConversationId(conversationId));
    await this.kv.put(scope, key, JSON.stringify(storableReference(activity)), this.lifetimeSeconds);
    const teamId = teamIdOf(activity);
    if (teamId) await this.kv.addToSet(scope, teamConversationsKey(scope, teamId), key, this.lifetimeSeconds);
  }

  /** Forgets the conversation of `activity`, and every channel of its team when it has one. */
  async forget(scope: Scope, activity: Partial<Activity>): Promise<void> {
    const keys: string[] = [];
    const conversationId = activity.conversation?.id;
    if (conversationId) keys.push(conversationKey(scope, baseConversationId(conversationId)));
    const teamId = teamIdOf(activity);
    if (teamId) {
      const teamKey = teamConversationsKey(scope, teamId);
      keys.push(...(await this.kv.members(teamKey)), teamKey, conversationKey(scope, teamId));
    }
    await this.kv.delete(...keys);
  }

}
