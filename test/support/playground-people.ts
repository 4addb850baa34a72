/** Messages that @mention people in the Agents Playground, beyond what playground.ts offers. */
import type { Playground, SentMessage } from './playground.js';

/**
 * `@Bot <text>` from the current user in a channel, thread or group chat, as the Playground's own message
 * box sends it: every `<at>Name</at>` in the text that names the bot or a user becomes a mention of them.
 */
export async function sendMentioning(pg: Playground, conversationId: string, text: string): Promise<SentMessage> {
  const c = await pg.config();
  const accounts = [{ id: c.bot.id, name: c.bot.name }, ...(await pg.users()).map((u) => ({ id: u.id, name: u.name }))];
  const fullText = `<at>${c.bot.name}</at> ${text}`;
  const mentions = [...fullText.matchAll(/<at>(.*?)<\/at>/g)].flatMap(([tag, name]) => {
    const who = accounts.find((a) => a.name === name);
    return who ? [{ mentioned: who, text: tag }] : [];
  });
  const cursor = pg.cursor();
  const res = await fetch(`${pg.baseUrl}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: { id: c.currentUser.id }, text: fullText, textFormat: 'plain', mentions }),
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`playground: message with mentions -> ${res.status} ${body}`);
  const sent = JSON.parse(body) as { messageId: string; postConversationId?: string };
  return { messageId: sent.messageId, conversationId: sent.postConversationId ?? conversationId, cursor };
}
