import { z } from 'zod';
import { handOverForm, handOverTo } from '../../app/follow-ups/hand-over.js';
import { changeFollowUp, type FollowUpChange } from '../../app/follow-ups/manage-follow-ups.js';
import { localDate } from '../../app/follow-ups/nudge-times.js';
import { overviewView } from '../../app/follow-ups/overview.js';
import type { FollowUpsView } from '../../app/card-views.js';
import { readFollowUpValue } from '../../cards/action-values.js';
import { followUpMessages, formatDue } from '../../content/follow-up-messages.js';
import { DEFAULT_TIME_ZONE } from '../../domain/collaboration.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { FollowUp } from '../../domain/follow-up.js';
import type { Invoke, InvokeResult } from './invoke-types.js';

const ValueSchema = z.object({ v: z.string().max(200), from: z.string().max(16).optional(), owner: z.string().max(256).optional() });
type Value = z.infer<typeof ValueSchema>;

function readValue(i: Invoke): Value & { collabId: string; id: string } {
  const parsed = ValueSchema.safeParse(i.data);
  if (!parsed.success) throw new AppError('invalid_input');
  return { ...parsed.data, ...readFollowUpValue(parsed.data.v) };
}

/**
 * What the presser sees after a change: on the personal overview the card stays the overview with
 * the news on top; elsewhere it becomes the one line of what changed.
 */
async function answer(i: Invoke, from: string | undefined, item: FollowUp, kind: NonNullable<FollowUpsView['change']>['kind'], notice: string): Promise<InvokeResult> {
  if (from === 'mine') return { view: { kind: 'followups', view: await overviewView(i.deps, i.scope, i.user, i.locale, notice) } };
  const today = localDate(i.deps.clock.now(), DEFAULT_TIME_ZONE);
  return { view: { kind: 'followups', view: { locale: i.locale, purpose: 'change', entries: [{ item, collabTitle: '' }], today, actions: false, change: { kind, by: i.user } } } };
}

/** Done or snooze from a nudge, a digest or the overview. */
async function change(i: Invoke, what: FollowUpChange): Promise<InvokeResult> {
  const v = readValue(i);
  const { item, changed } = await changeFollowUp(i.deps, { scope: i.scope, collabId: v.collabId, user: i.user }, v.id, what);
  const m = followUpMessages(i.locale);
  if (!changed) return v.from === 'mine' ? answer(i, v.from, item, 'done', m.alreadyDone) : { notice: m.alreadyDone };
  const today = localDate(i.deps.clock.now(), DEFAULT_TIME_ZONE);
  const notice = what.kind === 'done' ? m.doneReply : m.snoozedReply(formatDue(i.locale, item.due, today));
  return answer(i, v.from, item, what.kind === 'done' ? 'done' : 'snoozed', notice);
}

/** Overdragen: the card turns into a picker of the collaboration channel's people (Teams has no people picker of its own). */
async function askNewOwner(i: Invoke): Promise<InvokeResult> {
  const v = readValue(i);
  const m = followUpMessages(i.locale);
  const purpose = v.from === 'mine' ? 'mine' : 'due';
  const form = await handOverForm(i.deps, { scope: i.scope, collabId: v.collabId, itemId: v.id, user: i.user }, i.locale, purpose).catch((err: unknown) => {
    // The roster is the platform's; an outage there is not the person's mistake.
    if (isAppError(err) && !['follow_up_not_found', 'not_follow_up_owner', 'collab_not_found', 'store_unavailable'].includes(err.code)) return m.noRoster;
    throw err;
  });
  if (typeof form === 'string') return { notice: form };
  if (form.handOver?.members.length === 0) return { notice: m.noOneElse };
  return { view: { kind: 'followups', view: form } };
}

async function handOver(i: Invoke): Promise<InvokeResult> {
  const v = readValue(i);
  if (!v.owner) throw new AppError('invalid_input', 'no owner picked');
  const item = await handOverTo(i.deps, { scope: i.scope, collabId: v.collabId, itemId: v.id, user: i.user }, v.owner);
  return answer(i, v.from, item, 'reassigned', followUpMessages(i.locale).reassignedReply(item.owner.name ?? ''));
}

/** The follow-up buttons (`fu.*`) of nudges, digests and overviews. */
export const followUpInvokes: Record<string, (i: Invoke) => Promise<InvokeResult>> = {
  'fu.done': (i) => change(i, { kind: 'done' }),
  'fu.day': (i) => change(i, { kind: 'snooze', by: 'day' }),
  'fu.week': (i) => change(i, { kind: 'snooze', by: 'week' }),
  'fu.reassign': askNewOwner,
  'fu.handover': handOver,
};
