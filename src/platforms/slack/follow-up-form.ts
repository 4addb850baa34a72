import type { App, webApi } from '@slack/bolt';
import { z } from 'zod';
import { chaseNonResponders, type ChaseCard } from '../../app/follow-ups/chase.js';
import {
  followUpForm,
  linkChoices,
  NO_LINK,
  submitFollowUpForm,
  type FollowUpForm,
  type FollowUpFormErrors,
  type FollowUpFormField,
  type FollowUpFormInput,
} from '../../app/follow-ups/follow-up-form.js';
import { readActionValue, readSheetArg } from '../../cards/action-values.js';
import { readOriginArg } from '../../cards/follow-up-form-model.js';
import { CHASE_ACTION_ID } from '../../cards/poll-card-model.js';
import { escapeSlack } from '../../cards/render.js';
import { chaseReply, followUpFormMessages } from '../../content/follow-up-form-messages.js';
import { CollabIdSchema } from '../../domain/collaboration.js';
import { AppError, isAppError } from '../../domain/errors.js';
import { FOLLOW_UP_TEXT_MAX, type FollowUpLink } from '../../domain/follow-up.js';
import { PollIdSchema, type Scope } from '../../domain/poll.js';
import { failureText, type SlackContext } from './context.js';
import { ViewSubmissionSchema } from './modals.js';
import type { Press } from './press.js';
import { slackScope } from './workspace.js';

export const FOLLOW_UP_FORM_MODAL = 'fuform.add';

/** The modal's block ids per field: Slack shows an error next to the block it names. */
const BLOCKS: Record<FollowUpFormField, string> = { text: 'fu_text', owner: 'fu_owner', due: 'fu_due', link: 'fu_link' };

/** What travels in private_metadata: the collaboration's id only. */
const MetaSchema = z.object({ c: CollabIdSchema });
/** An open point's id (a digest, see collab-views.ts itemId). */
const ItemIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/);

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

type Ack = (response?: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>;

/**
 * The follow-up modal: what, who (a user picker), by when (a datepicker) and what it belongs to,
 * preset to the card it was opened from. Texts are the collaboration's language, like its cards.
 */
export function followUpFormModal(form: FollowUpForm) {
  const { collab } = form;
  const m = followUpFormMessages(collab.locale);
  const links = linkChoices(collab.locale, form.link).map((c) => ({ text: plain(cut(c.title, 75)), value: c.value }));
  const initial = links.find((o) => o.value === (form.link ?? NO_LINK));
  return {
    type: 'modal' as const,
    callback_id: FOLLOW_UP_FORM_MODAL,
    private_metadata: JSON.stringify({ c: collab.id }),
    title: plain(cut(m.modalTitle, 24)),
    submit: plain(m.save),
    close: plain(m.cancel),
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: `🤝 ${escapeSlack(cut(collab.title, 2900))}` }] },
      {
        type: 'input',
        block_id: BLOCKS.text,
        label: plain(m.textLabel),
        element: { type: 'plain_text_input', action_id: 'value', max_length: FOLLOW_UP_TEXT_MAX, ...(form.text ? { initial_value: form.text } : {}) },
      },
      { type: 'input', block_id: BLOCKS.owner, label: plain(m.ownerLabel), element: { type: 'users_select', action_id: 'value', placeholder: plain(m.ownerPlaceholder) } },
      { type: 'input', block_id: BLOCKS.due, label: plain(m.dueLabel), element: { type: 'datepicker', action_id: 'value', placeholder: plain(m.duePlaceholder) } },
      {
        type: 'input',
        block_id: BLOCKS.link,
        optional: true,
        label: plain(m.linkLabel),
        element: { type: 'static_select', action_id: 'value', options: links, ...(initial ? { initial_option: initial } : {}) },
      },
    ],
  };
}

/** Opens the modal; the trigger is valid about three seconds, so this comes before any slow work. */
async function openForm(p: Press, collabId: string, origin: { link?: FollowUpLink; item?: string }): Promise<void> {
  if (!p.triggerId) throw new AppError('invalid_input', 'no trigger');
  const form = await followUpForm(p.ctx.deps, { scope: p.scope, collabId, user: { id: p.userId } }, origin);
  await p.client.views.open({ trigger_id: p.triggerId, view: followUpFormModal(form) as webApi.ModalView });
}

/** Reminds the non-responders of a card; the presser gets the counts privately, or why not. */
async function chase(p: Press, card: ChaseCard): Promise<void> {
  const locale = await p.locale();
  const m = followUpFormMessages(locale).chase;
  try {
    const result = await chaseNonResponders(p.ctx.deps, { scope: p.scope, user: { id: p.userId } }, card);
    await p.respondPrivately({ text: chaseReply(locale, result, card.kind === 'poll') });
  } catch (err) {
    if (isAppError(err, 'not_collab_facilitator')) return p.respondPrivately({ text: m.refused });
    if (isAppError(err, 'poll_closed')) return p.respondPrivately({ text: m.pollClosed });
    throw err;
  }
}

/** The buttons of this feature on step, reminder, decision and poll cards (see the action table in actions.ts). */
export const followUpFormHandlers: Record<string, (p: Press) => Promise<void>> = {
  // `collabId:<origin>`: the card's step or reminder, or `decision`.
  'fuform.open': async (p) => {
    const { collabId, arg } = readActionValue(p.value);
    await openForm(p, collabId, { link: readOriginArg(arg) });
  },
  // An open point picked on a card that lists them: `collabId:<itemId>`.
  'fuform.item': async (p) => {
    const { collabId, arg } = readActionValue(p.value);
    const item = ItemIdSchema.safeParse(arg);
    if (!item.success) throw new AppError('invalid_input');
    await openForm(p, collabId, { item: item.data });
  },
  'chase.sheet': async (p) => {
    const { collabId, arg } = readActionValue(p.value);
    await chase(p, { kind: 'sheet', collabId, sheet: readSheetArg(arg) });
  },
  [CHASE_ACTION_ID]: async (p) => {
    const pollId = PollIdSchema.safeParse(p.value);
    if (!pollId.success) throw new AppError('invalid_input');
    await chase(p, { kind: 'poll', pollId: pollId.data });
  },
};

const errorsByBlock = (errors: FollowUpFormErrors): Record<string, string> =>
  Object.fromEntries(Object.entries(errors).map(([field, text]) => [BLOCKS[field as FollowUpFormField], text]));

function readMeta(raw: string): z.ZodSafeParseResult<{ c: string }> | undefined {
  try {
    return MetaSchema.safeParse(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

/**
 * The modal's submission: errors go back next to their field and nothing is stored; otherwise the
 * follow-up is added (its line in the thread and its first nudge) before the modal closes.
 */
export function registerFollowUpForm(app: App, ctx: SlackContext): void {
  app.view(FOLLOW_UP_FORM_MODAL, async ({ ack, body, client }) => {
    const parsed = ViewSubmissionSchema.safeParse(body);
    const meta = parsed.success ? readMeta(parsed.data.view.private_metadata) : undefined;
    if (!parsed.success || !meta?.success) return ack();
    const userId = parsed.data.user.id;
    const state = parsed.data.view.state.values;
    const owner = state[BLOCKS.owner]?.value?.selected_user;
    const input: FollowUpFormInput = {
      text: state[BLOCKS.text]?.value?.value ?? '',
      owner: owner ? { id: owner } : undefined,
      due: state[BLOCKS.due]?.value?.selected_date ?? '',
      link: state[BLOCKS.link]?.value?.selected_option?.value ?? NO_LINK,
    };
    let scope: Scope | undefined;
    try {
      scope = await slackScope(body, ctx.workspace);
      const result = await submitFollowUpForm(ctx.deps, { scope, collabId: meta.data.c, user: { id: userId } }, input);
      if ('errors' in result) return await (ack as Ack)({ response_action: 'errors', errors: errorsByBlock(result.errors) });
      await ack();
    } catch (err) {
      const locale = scope ? await ctx.locales.get(client, scope, userId).catch(() => 'nl' as const) : 'nl';
      await (ack as Ack)({ response_action: 'errors', errors: { [BLOCKS.text]: failureText(ctx, 'view', err, locale) } }).catch(() => undefined);
    }
  });
}
