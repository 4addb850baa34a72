import { z } from 'zod';
import type { CardView, FollowUpFormState, PersonalNote } from '../../app/card-views.js';
import { loadPoll } from '../../app/cast-vote.js';
import { ownAnswers } from '../../app/collab/steps.js';
import { loadCollab, loadDecisionView, loadReminderView, loadStepView } from '../../app/collab-views.js';
import { chaseNonResponders } from '../../app/follow-ups/chase.js';
import { followUpForm, NO_LINK, submitFollowUpForm, type FollowUpForm } from '../../app/follow-ups/follow-up-form.js';
import { readActionValue, readSheetArg } from '../../cards/action-values.js';
import { ownerCandidates, readOriginArg, type FollowUpOrigin } from '../../cards/follow-up-form-model.js';
import { chaseReply, followUpFormMessages } from '../../content/follow-up-form-messages.js';
import { formatDue } from '../../content/follow-up-messages.js';
import { DEFAULT_TIME_ZONE, readQuestionSheet, type Person } from '../../domain/collaboration.js';
import { localDate } from '../../app/follow-ups/nudge-times.js';
import { AppError, isAppError } from '../../domain/errors.js';
import { PollIdSchema } from '../../domain/poll.js';
import type { Invoke, InvokeResult } from './invoke-types.js';
import { listMembers } from './teams-messenger.js';

/** What the form's buttons send: the card's value and the inputs (only those the card had). */
const FormDataSchema = z.object({
  v: z.string().max(200),
  fu_text: z.string().max(4000).optional(),
  fu_owner: z.string().max(256).optional(),
  fu_due: z.string().max(32).optional(),
  fu_link: z.string().max(64).optional(),
  fu_item: z.string().max(64).optional(),
});
type FormData = z.infer<typeof FormDataSchema>;

const ChasePollSchema = z.object({ pollId: PollIdSchema });

function formData(i: Invoke): FormData & { collabId: string; origin: FollowUpOrigin } {
  const parsed = FormDataSchema.safeParse(i.data);
  if (!parsed.success) throw new AppError('invalid_input');
  const { collabId, arg } = readActionValue(parsed.data.v);
  return { ...parsed.data, collabId, origin: readOriginArg(arg) };
}

/**
 * The card the form was opened from, as the presser sees it: with the form (Teams shows it on the
 * card itself; the Agents Playground shows no dialogs), or without it and their own answers back.
 */
async function originCard(i: Invoke, collabId: string, origin: FollowUpOrigin, form?: FollowUpFormState, personal?: PersonalNote): Promise<CardView> {
  if (origin === 'decision') return { kind: 'decision', view: { ...(await loadDecisionView(i.deps, i.scope, collabId)), followUpForm: form }, personal };
  const own = form ? undefined : await ownAnswers(i.deps, { scope: i.scope, collabId, user: i.user }, origin);
  const which = readQuestionSheet(origin);
  if (which.kind === 'reminder') return { kind: 'reminder', view: { ...(await loadReminderView(i.deps, i.scope, collabId, which.n)), own, followUpForm: form }, personal };
  return { kind: 'step', view: { ...(await loadStepView(i.deps, i.scope, collabId, which.step)), own, followUpForm: form }, personal };
}

/** The form's state: the roster to pick from (empty when it cannot be read) and the values so far. */
async function formState(i: Invoke, form: FollowUpForm, values: FollowUpFormState['values']): Promise<FollowUpFormState> {
  const members = await listMembers(i.ctx).catch(() => []);
  return { members, items: form.items, values, today: form.today };
}

const typed = (d: FormData): FollowUpFormState['values'] => ({ text: d.fu_text ?? '', owner: d.fu_owner ?? '', due: d.fu_due ?? '', link: d.fu_link || NO_LINK });

async function add(i: Invoke): Promise<InvokeResult> {
  const d = formData(i);
  const actor = { scope: i.scope, collabId: d.collabId, user: i.user };
  const { collab } = await loadCollab(i.deps, i.scope, d.collabId);
  const m = followUpFormMessages(collab.locale);
  // Only someone in this conversation's roster (or already in the collaboration, when the roster
  // cannot be read) can own it: the id comes from the client and is checked here.
  const members = await listMembers(i.ctx).catch(() => []);
  const found = ownerCandidates(collab, members).find((p) => p.id === d.fu_owner);
  const owner: Person | undefined = found ? { id: found.id, name: found.name.slice(0, 100) } : undefined;
  const result = await submitFollowUpForm(i.deps, actor, { text: d.fu_text ?? '', owner, due: d.fu_due ?? '', link: d.fu_link ?? NO_LINK });
  if ('errors' in result) {
    const errors = { ...result.errors, ...(d.fu_owner && !found ? { owner: m.errors.ownerNotMember } : {}) };
    const form = await followUpForm(i.deps, actor, { link: d.origin });
    const state: FollowUpFormState = { members, items: form.items, values: typed(d), today: form.today };
    return { view: await originCard(i, d.collabId, d.origin, state, { notice: Object.values(errors).join(' '), tone: 'error' }) };
  }
  const notice = m.added(formatDue(collab.locale, result.item.due, localDate(i.deps.clock.now(), collab.timeZone ?? DEFAULT_TIME_ZONE)));
  return { view: await originCard(i, d.collabId, d.origin, undefined, { notice, tone: 'ok' }) };
}

/** The facilitator's reminder: the card back with the counts on it, or why not. */
async function chased(i: Invoke, card: Parameters<typeof chaseNonResponders>[2]): Promise<PersonalNote> {
  const m = followUpFormMessages(i.locale).chase;
  try {
    const result = await chaseNonResponders(i.deps, { scope: i.scope, user: i.user }, card);
    return { notice: chaseReply(i.locale, result, card.kind === 'poll'), tone: 'ok' };
  } catch (err) {
    if (isAppError(err, 'not_collab_facilitator')) return { notice: m.refused, tone: 'error' };
    if (isAppError(err, 'poll_closed')) return { notice: m.pollClosed, tone: 'error' };
    throw err;
  }
}

/**
 * The verbs of "+ opvolgpunt" on step, reminder and decision cards (an inline form for the one
 * who pressed) and of the facilitator's "remind those who have not answered" on step, reminder
 * and poll cards. The shared cards do not change.
 */
export const followUpFormInvokes: Record<string, (i: Invoke) => Promise<InvokeResult>> = {
  'fuform.open': async (i) => {
    const d = formData(i);
    const form = await followUpForm(i.deps, { scope: i.scope, collabId: d.collabId, user: i.user }, { link: d.origin });
    const state = await formState(i, form, { text: form.text, owner: '', due: '', link: form.link ?? NO_LINK });
    return { view: await originCard(i, d.collabId, d.origin, state) };
  },
  // Takes an open point over into the text (and its link), keeping what was picked so far.
  'fuform.item': async (i) => {
    const d = formData(i);
    const form = await followUpForm(i.deps, { scope: i.scope, collabId: d.collabId, user: i.user }, { item: d.fu_item ?? '' });
    const values = { ...typed(d), ...(form.text ? { text: form.text, link: form.link ?? NO_LINK } : {}) };
    return { view: await originCard(i, d.collabId, d.origin, await formState(i, form, values)) };
  },
  'fuform.add': add,
  'fuform.cancel': async (i) => {
    const d = formData(i);
    return { view: await originCard(i, d.collabId, d.origin) };
  },
  'chase.sheet': async (i) => {
    const v = typeof i.data.v === 'string' && i.data.v.length <= 200 ? i.data.v : '';
    const { collabId, arg } = readActionValue(v);
    const sheet = readSheetArg(arg);
    const note = await chased(i, { kind: 'sheet', collabId, sheet });
    return { view: await originCard(i, collabId, sheet, undefined, note) };
  },
  'chase.poll': async (i) => {
    const parsed = ChasePollSchema.safeParse(i.data);
    if (!parsed.success) throw new AppError('invalid_input');
    const note = await chased(i, { kind: 'poll', pollId: parsed.data.pollId });
    return { view: { kind: 'poll', state: await loadPoll(i.deps, i.scope, parsed.data.pollId), personal: { notice: note.notice } } };
  },
};
