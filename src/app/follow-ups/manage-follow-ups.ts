import { DEFAULT_TIME_ZONE, canDecide, type Collaboration, type Person } from '../../domain/collaboration.js';
import { AppError } from '../../domain/errors.js';
import { FOLLOW_UPS_PER_ADD, followUpOrder, type FollowUp, type FollowUpLink, type LocalDate, type Snooze } from '../../domain/follow-up.js';
import type { Locale, Scope } from '../../domain/poll.js';
import type { FollowUpsView } from '../card-views.js';
import type { AppDeps } from '../deps.js';
import { threadOf, type Actor } from '../collab/steps.js';
import { messengerFor } from '../collab/start-collaboration.js';
import { refreshOverviews } from './overview.js';
import { localDate, nextNudge, snoozedDue, type NudgeZones } from './nudge-times.js';
import { personZone } from './person-zone.js';

export interface NewFollowUp {
  text: string;
  owner: Person;
  due: LocalDate;
  link?: FollowUpLink;
}

async function zonesFor(deps: AppDeps, scope: Scope, owner: Person, collab: Collaboration): Promise<NudgeZones> {
  return { owner: await personZone(deps, scope, owner, collab), collab: collab.timeZone ?? DEFAULT_TIME_ZONE };
}

/** Owner, creator, facilitator or coordinator; anyone else is refused. */
export function requireMayChange(collab: Collaboration, item: FollowUp, userId: string): void {
  if (item.owner.id === userId || item.createdBy.id === userId || canDecide(collab, userId)) return;
  throw new AppError('not_follow_up_owner');
}

/**
 * Queues the item's next nudge (computed now, in the owner's zone) and records it on the item. The
 * new job goes in first: a job whose moment the item no longer names is skipped when it fires, so
 * a failure between the steps never leads to a wrong nudge, and producers fail fast on Redis errors.
 */
async function reschedule(deps: AppDeps, scope: Scope, item: FollowUp, zones: NudgeZones): Promise<FollowUp> {
  const next = nextNudge(item, zones, deps.clock.now());
  const same = next && item.next && next.kind === item.next.kind && next.at === item.next.at;
  if (next && !same) await deps.jobs.scheduleNudge(scope, item, next);
  if (item.next && !same) await deps.jobs.cancelNudge(scope, item.id, item.next);
  return { ...item, next };
}

type Threaded = Awaited<ReturnType<typeof threadOf>>;

/** The one line in the thread about a change (for several new items: one message listing them), in the collaboration's language. */
async function postLine(deps: AppDeps, scope: Scope, record: Threaded, items: FollowUp[], change: NonNullable<FollowUpsView['change']>): Promise<void> {
  const { collab, thread } = record;
  const today = localDate(deps.clock.now(), collab.timeZone ?? DEFAULT_TIME_ZONE);
  const entries = items.map((item) => ({ item, collabTitle: collab.title }));
  const view: FollowUpsView = { locale: collab.locale, purpose: 'change', entries, actions: false, today, change };
  await messengerFor(deps, scope).post(thread, { kind: 'followups', view });
}

/**
 * Adds follow-ups to a collaboration (anyone in it may), queues their first nudges in one go and
 * says so in the thread in one message. All or none: throws invalid_input when they would take the
 * collaboration past its maximum, or when there are more than FOLLOW_UPS_PER_ADD.
 */
export async function addFollowUps(deps: AppDeps, a: Actor, inputs: NewFollowUp[]): Promise<FollowUp[]> {
  if (inputs.length === 0) return [];
  if (inputs.length > FOLLOW_UPS_PER_ADD) throw new AppError('invalid_input', 'too many at once');
  const record = await threadOf(deps, a.scope, a.collabId);
  const { collab } = record;
  const now = deps.clock.now();
  // One zone lookup per owner (Slack: users.info), however many items they get.
  const zones = new Map<string, NudgeZones>();
  for (const input of inputs) if (!zones.has(input.owner.id)) zones.set(input.owner.id, await zonesFor(deps, a.scope, input.owner, collab));
  const items = inputs.map((input): FollowUp => {
    const draft: FollowUp = {
      id: deps.newId(),
      collabId: a.collabId,
      text: input.text,
      owner: input.owner,
      due: input.due,
      ...(input.link ? { link: input.link } : {}),
      status: 'open',
      createdBy: a.user,
      createdAt: now,
    };
    const next = nextNudge(draft, zones.get(input.owner.id)!, now);
    return next ? { ...draft, next } : draft;
  });
  // Jobs first, as in reschedule: a job whose item never got stored finds nothing and does nothing.
  await deps.jobs.scheduleNudges(a.scope, items.flatMap((item) => (item.next ? [{ item, next: item.next }] : [])));
  await deps.followUps.add(a.scope, items);
  await postLine(deps, a.scope, record, items, { kind: 'added', by: a.user });
  await refreshOverviews(deps, a.scope, collab, items.map((i) => i.owner));
  return items;
}

/** Adds one follow-up (see addFollowUps). */
export async function addFollowUp(deps: AppDeps, a: Actor, input: NewFollowUp): Promise<FollowUp> {
  const [item] = await addFollowUps(deps, a, [input]);
  return item!;
}

/** A collaboration's follow-ups, open ones first by due date. */
export async function listFollowUps(deps: AppDeps, scope: Scope, collabId: string): Promise<FollowUp[]> {
  return (await deps.followUps.list(scope, collabId)).sort(followUpOrder);
}

/** The thread's list card (`opvolgpunten`): the open items by due date, with their owners. */
export async function followUpsListView(deps: AppDeps, scope: Scope, collab: Collaboration, locale: Locale): Promise<FollowUpsView> {
  const open = (await listFollowUps(deps, scope, collab.id)).filter((i) => i.status === 'open');
  const today = localDate(deps.clock.now(), collab.timeZone ?? DEFAULT_TIME_ZONE);
  return { locale, purpose: 'list', entries: open.map((item) => ({ item, collabTitle: collab.title })), today, actions: false };
}

export type FollowUpChange = { kind: 'done' } | { kind: 'snooze'; by: Snooze } | { kind: 'reassign'; to: Person };

/**
 * Done, snooze or hand over (the owner, the one who added it, the facilitator or a coordinator):
 * updates the item, replaces or cancels its queued nudge and posts one line in the thread.
 * Returns the item as it is now; a second "done" changes nothing and posts nothing.
 */
export async function changeFollowUp(deps: AppDeps, a: Actor, id: string, change: FollowUpChange): Promise<{ item: FollowUp; changed: boolean }> {
  const record = await threadOf(deps, a.scope, a.collabId);
  const { collab } = record;
  const current = await deps.followUps.get(a.scope, a.collabId, id);
  if (!current) throw new AppError('follow_up_not_found');
  requireMayChange(collab, current, a.user.id);
  if (current.status === 'done') return { item: current, changed: false };
  const now = deps.clock.now();
  const owner = change.kind === 'reassign' ? change.to : current.owner;
  const zones = await zonesFor(deps, a.scope, owner, collab);
  const { after } = await deps.followUps.update(a.scope, a.collabId, id, (item) => {
    if (item.status === 'done') return item;
    if (change.kind === 'done') return { ...item, status: 'done', doneAt: now };
    if (change.kind === 'snooze') return { ...item, due: snoozedDue(item.due, change.by, localDate(now, zones.owner)) };
    return { ...item, owner: change.to };
  });
  const item = await reschedule(deps, a.scope, after, zones);
  if (item.next?.at !== after.next?.at || item.next?.kind !== after.next?.kind) await deps.followUps.update(a.scope, a.collabId, id, (i) => ({ ...i, next: item.next }));
  const kind = change.kind === 'done' ? 'done' : change.kind === 'snooze' ? 'snoozed' : 'reassigned';
  await postLine(deps, a.scope, record, [item], { kind, by: a.user });
  await refreshOverviews(deps, a.scope, collab, [current.owner, item.owner]);
  return { item, changed: true };
}
