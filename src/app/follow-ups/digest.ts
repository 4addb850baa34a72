import { isOverdue, type FollowUp } from '../../domain/follow-up.js';
import type { Scope } from '../../domain/poll.js';
import type { CardView } from '../card-views.js';
import type { AppDeps } from '../deps.js';
import { personZone } from './person-zone.js';
import { leadsOf } from './leads.js';
import { localDate } from './nudge-times.js';
import { loadCollabs } from './overview.js';
import { deliverWhenFree, type NudgeOutcome } from './send-nudge.js';

/** What a digest job did, for the worker's log. */
export type DigestOutcome = NudgeOutcome | 'empty';

/**
 * Sends a lead's weekly digest (the job handler): the open follow-ups of every collaboration they
 * lead, overdue ones first, as one personal message, and only when there is something in it.
 * `lead` is the person's pseudonym; the person is found among the collaborations' leads. A lead of
 * nothing (all forgotten, or no longer a coordinator) loses the schedule.
 */
export async function sendDigest(deps: AppDeps, scope: Scope, lead: string, at: number): Promise<DigestOutcome> {
  const ids = await deps.followUps.listLed(scope, lead);
  const records = await loadCollabs(deps, scope, ids);
  const mineRecords = records.filter((r) => leadsOf(r.collab).some((p) => deps.pseudonyms.person(scope, p.id) === lead));
  const mine = mineRecords.map((r) => r.collab);
  for (const id of ids) if (!mine.some((c) => c.id === id)) await deps.followUps.setLead(scope, lead, id, false);
  if (mine.length === 0) {
    await deps.jobs.cancelDigest(scope, lead);
    return 'stale';
  }
  const first = mine[0]!;
  const person = leadsOf(first).find((p) => deps.pseudonyms.person(scope, p.id) === lead)!;
  const via = mineRecords[0]!.thread;
  if (!via) return 'stale';
  const today = localDate(at, await personZone(deps, scope, person, first));
  const entries: { item: FollowUp; collabTitle: string }[] = [];
  for (const collab of mine) {
    const open = (await deps.followUps.list(scope, collab.id)).filter((i) => i.status === 'open');
    entries.push(...open.map((item) => ({ item, collabTitle: collab.title })));
  }
  if (entries.length === 0) return 'empty';
  // Overdue first, then by due date: what needs a word from the coordinator comes on top.
  entries.sort((a, b) => Number(isOverdue(b.item, today)) - Number(isOverdue(a.item, today)) || a.item.due.localeCompare(b.item.due));
  const view: CardView = { kind: 'followups', view: { locale: first.locale, purpose: 'digest', entries, today, actions: true } };
  return deliverWhenFree(deps, scope, { subject: 'digest', kind: 'digest', at, person: person.id }, { person, via }, view);
}
