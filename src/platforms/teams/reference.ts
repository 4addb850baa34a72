import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';

/**
 * The conversation reference to store for proactive messages, without the person whose activity
 * it came from (their id, name and Entra id) and their locale: sending into a conversation needs
 * only the conversation, the bot and the service URL.
 */
export function storableReference(activity: Partial<Activity>): Partial<ConversationReference> {
  const { user: _user, locale: _locale, conversation, ...rest } = TurnContext.getConversationReference(activity);
  return {
    ...rest,
    conversation: conversation && {
      id: conversation.id,
      isGroup: conversation.isGroup,
      conversationType: conversation.conversationType,
      tenantId: conversation.tenantId,
      name: '',
    },
  };
}
