import { TeamsInfo, TurnContext } from 'botbuilder';
import { z } from 'zod';

const MentionSchema = z.object({
  type: z.literal('mention'),
  text: z.string().min(1).max(512),
  mentioned: z.object({ id: z.string().min(1).max(256), name: z.string().max(256).optional() }),
});
const MENTIONS_MAX = 20;

/**
 * The command in a message: the bot's own mention removed, every other mention written as
 * `<@id|name>` (the form the core reads a follow-up's owner from). The id is the person's Entra
 * object id where the roster gives it, the same id their own activities carry.
 */
export async function commandText(ctx: TurnContext): Promise<string> {
  let text = TurnContext.removeRecipientMention(ctx.activity) ?? ctx.activity.text ?? '';
  const botId = ctx.activity.recipient?.id;
  const mentions = (ctx.activity.entities ?? [])
    .map((e) => MentionSchema.safeParse(e))
    .flatMap((m) => (m.success && m.data.mentioned.id !== botId ? [m.data] : []))
    .slice(0, MENTIONS_MAX);
  for (const m of mentions) {
    const member = await TeamsInfo.getMember(ctx, m.mentioned.id).catch(() => undefined);
    const id = member?.aadObjectId ?? m.mentioned.id;
    const name = (m.mentioned.name ?? member?.name ?? '').replace(/[|>]/g, '').slice(0, 100);
    text = text.replace(m.text, `<@${id}|${name}>`);
  }
  // Anything left in <at> tags (a mention without its entity) names nobody we can reach.
  return text.replace(/<at>[^<]*<\/at>/g, ' ').trim();
}
