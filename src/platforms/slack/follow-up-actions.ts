import type { App, webApi } from '@slack/bolt';
import { z } from 'zod';
import { changeFollowUp, type FollowUpChange } from '../../app/follow-ups/manage-follow-ups.js';
import { readFollowUpValue } from '../../cards/action-values.js';
import { followUpMessages, formatDue } from '../../content/follow-up-messages.js';
import { AppError } from '../../domain/errors.js';
import { DEFAULT_TIME_ZONE } from '../../domain/collaboration.js';
import { localDate } from '../../app/follow-ups/nudge-times.js';
import type { Locale, Scope } from '../../domain/poll.js';
import { failureText, type SlackContext } from './context.js';
import { ViewSubmissionSchema } from './modals.js';
import type { Press } from './press.js';
import { slackScope } from './workspace.js';

export const REASSIGN_MODAL = 'fu.reassign';
const OWNER_BLOCK = 'owner';
const MetaSchema = z.object({ v: z.string().max(100) });
type Ack = (response?: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>;

/** Done or snooze, then a private line with what happened. */
async function change(p: Press, value: string, what: FollowUpChange): Promise<void> {
  const ref = readFollowUpValue(value);
  const { item, changed } = await changeFollowUp(p.ctx.deps, { scope: p.scope, collabId: ref.collabId, user: { id: p.userId } }, ref.id, what);
  const m = followUpMessages(await p.locale());
  if (!changed) return p.respondPrivately({ text: m.alreadyDone });
  const due = formatDue(await p.locale(), item.due, localDate(p.ctx.deps.clock.now(), DEFAULT_TIME_ZONE));
  await p.respondPrivately({ text: what.kind === 'done' ? m.doneReply : m.snoozedReply(due) });
}

/** The modal that hands a follow-up over: one person picker. */
function reassignModal(locale: Locale, value: string): object {
  const m = followUpMessages(locale);
  return {
    type: 'modal',
    callback_id: REASSIGN_MODAL,
    private_metadata: JSON.stringify({ v: value }),
    title: { type: 'plain_text', text: m.buttons.reassign.slice(0, 24) },
    submit: { type: 'plain_text', text: m.buttons.reassign.slice(0, 24) },
    blocks: [{ type: 'input', block_id: OWNER_BLOCK, label: { type: 'plain_text', text: m.newOwner }, element: { type: 'users_select', action_id: 'value' } }],
  };
}

async function openReassign(p: Press, value: string): Promise<void> {
  readFollowUpValue(value);
  if (!p.triggerId) throw new AppError('invalid_input', 'no trigger');
  await p.client.views.open({ trigger_id: p.triggerId, view: reassignModal(await p.locale(), value) as webApi.ModalView });
}

const MENU: Record<string, (p: Press, value: string) => Promise<void>> = {
  done: (p, v) => change(p, v, { kind: 'done' }),
  day: (p, v) => change(p, v, { kind: 'snooze', by: 'day' }),
  week: (p, v) => change(p, v, { kind: 'snooze', by: 'week' }),
  reassign: openReassign,
};

/** The buttons of nudges and personal overviews (`fu.*`), and the overflow menu of list items. */
export const followUpHandlers: Record<string, (p: Press) => Promise<void>> = {
  'fu.done': (p) => MENU.done!(p, p.value),
  'fu.day': (p) => MENU.day!(p, p.value),
  'fu.week': (p) => MENU.week!(p, p.value),
  'fu.reassign': (p) => MENU.reassign!(p, p.value),
  // One menu per listed item (`fu.menu.<n>`); the chosen option names the action and the item.
  'fu.menu.': async (p) => {
    const sep = p.value.indexOf('|');
    const handler = Object.hasOwn(MENU, p.value.slice(0, sep)) ? MENU[p.value.slice(0, sep)] : undefined;
    if (!handler) throw new AppError('invalid_input');
    await handler(p, p.value.slice(sep + 1));
  },
};

/** The hand-over modal's submission: the new owner, or an error next to the picker. */
export function registerFollowUpViews(app: App, ctx: SlackContext): void {
  app.view(REASSIGN_MODAL, async ({ ack, body, client }) => {
    const parsed = ViewSubmissionSchema.safeParse(body);
    let meta: z.ZodSafeParseResult<{ v: string }> | undefined;
    try {
      meta = parsed.success ? MetaSchema.safeParse(JSON.parse(parsed.data.view.private_metadata)) : undefined;
    } catch {
      meta = undefined;
    }
    if (!parsed.success || !meta?.success) return ack();
    const userId = parsed.data.user.id;
    const owner = parsed.data.view.state.values[OWNER_BLOCK]?.value?.selected_user ?? undefined;
    let scope: Scope | undefined;
    try {
      scope = await slackScope(body, ctx.workspace);
      if (!owner) throw new AppError('invalid_input');
      const ref = readFollowUpValue(meta.data.v);
      await changeFollowUp(ctx.deps, { scope, collabId: ref.collabId, user: { id: userId } }, ref.id, { kind: 'reassign', to: { id: owner } });
      await ack();
    } catch (err) {
      const locale = scope ? await ctx.locales.get(client, scope, userId).catch(() => 'nl' as const) : 'nl';
      await (ack as Ack)({ response_action: 'errors', errors: { [OWNER_BLOCK]: failureText(ctx, 'view', err, locale) } }).catch(() => undefined);
    }
  });
}
