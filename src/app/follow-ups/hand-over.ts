import { DEFAULT_TIME_ZONE, type Person } from '../../domain/collaboration.js';
import { AppError } from '../../domain/errors.js';
import type { FollowUp } from '../../domain/follow-up.js';
import type { Locale } from '../../domain/poll.js';
import type { FollowUpsView } from '../card-views.js';
import type { AppDeps } from '../deps.js';
import { messengerFor } from '../collab/start-collaboration.js';
import { threadOf, type Actor } from '../collab/steps.js';
import { changeFollowUp, requireMayChange } from './manage-follow-ups.js';
import { localDate } from './nudge-times.js';

/** The collaboration channel's people, for a picker where the platform has none of its own (Teams). */
async function rosterOf(deps: AppDeps, a: Actor & { itemId: string }): Promise<{ item: FollowUp; title: string; members: Person[] }> {
  const { collab, thread } = await threadOf(deps, a.scope, a.collabId);
  const item = await deps.followUps.get(a.scope, a.collabId, a.itemId);
  if (!item) throw new AppError('follow_up_not_found');
  requireMayChange(collab, item, a.user.id);
  const members = await messengerFor(deps, a.scope).members(thread);
  return { item, title: collab.title, members };
}

/**
 * The hand-over form of one follow-up: the people of the collaboration's channel to pick from
 * (the current owner left out). Refuses whoever may not change the item before showing anything.
 */
export async function handOverForm(deps: AppDeps, a: Actor & { itemId: string }, locale: Locale, purpose: FollowUpsView['purpose']): Promise<FollowUpsView> {
  const { item, title, members } = await rosterOf(deps, a);
  if (item.status !== 'open') throw new AppError('follow_up_not_found');
  const choices = members.filter((m) => m.id !== item.owner.id);
  const today = localDate(deps.clock.now(), DEFAULT_TIME_ZONE);
  return { locale, purpose, entries: [{ item, collabTitle: title }], today, actions: false, handOver: { members: choices } };
}

/**
 * Hands a follow-up over to someone picked from the channel's people. An id that is not in the
 * roster (a forged or stale choice) is refused: only people of the collaboration's channel qualify.
 */
export async function handOverTo(deps: AppDeps, a: Actor & { itemId: string }, ownerId: string): Promise<FollowUp> {
  const { members } = await rosterOf(deps, a);
  const to = members.find((m) => m.id === ownerId);
  if (!to) throw new AppError('invalid_input', 'not in the channel');
  return (await changeFollowUp(deps, a, a.itemId, { kind: 'reassign', to })).item;
}
