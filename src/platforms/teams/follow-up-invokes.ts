import { z } from 'zod';
import { changeFollowUp, type FollowUpChange } from '../../app/follow-ups/manage-follow-ups.js';
import { localDate } from '../../app/follow-ups/nudge-times.js';
import { readFollowUpValue } from '../../cards/action-values.js';
import { followUpMessages } from '../../content/follow-up-messages.js';
import { DEFAULT_TIME_ZONE } from '../../domain/collaboration.js';
import { AppError } from '../../domain/errors.js';
import type { Invoke, InvokeResult } from './invoke-types.js';

const ValueSchema = z.object({ v: z.string().max(200) });

/** Done or snooze from a nudge or overview: the presser's card becomes the one line of what changed. */
async function change(i: Invoke, what: FollowUpChange): Promise<InvokeResult> {
  const parsed = ValueSchema.safeParse(i.data);
  if (!parsed.success) throw new AppError('invalid_input');
  const ref = readFollowUpValue(parsed.data.v);
  const { item, changed } = await changeFollowUp(i.deps, { scope: i.scope, collabId: ref.collabId, user: i.user }, ref.id, what);
  if (!changed) return { notice: followUpMessages(i.locale).alreadyDone };
  const kind = what.kind === 'done' ? 'done' : 'snoozed';
  const today = localDate(i.deps.clock.now(), DEFAULT_TIME_ZONE);
  return { view: { kind: 'followups', view: { locale: i.locale, purpose: 'change', entries: [{ item, collabTitle: '' }], today, actions: false, change: { kind, by: i.user } } } };
}

/** The follow-up buttons (`fu.*`) of nudges and overviews. */
export const followUpInvokes: Record<string, (i: Invoke) => Promise<InvokeResult>> = {
  'fu.done': (i) => change(i, { kind: 'done' }),
  'fu.day': (i) => change(i, { kind: 'snooze', by: 'day' }),
  'fu.week': (i) => change(i, { kind: 'snooze', by: 'week' }),
};
