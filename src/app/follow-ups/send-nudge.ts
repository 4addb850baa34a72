import { DEFAULT_TIME_ZONE, type Collaboration, type Person } from '../../domain/collaboration.js';
import { isAppError, isPermanent, type ErrorCode } from '../../domain/errors.js';
import { type FollowUp, type NextNudge } from '../../domain/follow-up.js';
import type { Scope } from '../../domain/poll.js';
import type { CardView } from '../card-views.js';
import type { AppDeps } from '../deps.js';
import { messengerFor } from '../collab/start-collaboration.js';
import type { Place } from '../ports.js';
import type { NudgeKey } from './follow-up-ports.js';
import { personZone } from './person-zone.js';
import { localDate, nextNudge, type NudgeZones } from './nudge-times.js';

/** How long one send attempt holds its nudge; a worker that died holds it no longer than this. */
export const NUDGE_LEASE_MS = 60_000;

/**
 * What a nudge job did, for the worker's log (codes only); `stopped:` marks a permanent failure.
 * `already`: an earlier attempt sent it (a reminder pressed twice must be able to tell).
 */
export type NudgeOutcome = 'sent' | 'already' | 'stale' | `stopped:${ErrorCode}`;

/** A nudge that another attempt holds: it is sending right now, or died and its lease has not run out. */
export class NudgeBusyError extends Error {
  constructor() {
    super('nudge is being sent by another worker');
    this.name = 'NudgeBusyError';
  }
}

/**
 * Sends one personal message exactly once per nudge key: claims the key, asks the platform after
 * an attempt that died mid-send, and records the outcome. A permanent refusal (the person left or
 * blocked the bot) is recorded too, so it is never retried; after any other failure the key is left
 * as an attempt whose lease ran out, so the retry asks the platform first (the failure may have come
 * after the platform took the message, a timeout), and the error is thrown.
 */
export async function deliverOnce(deps: AppDeps, scope: Scope, key: NudgeKey, to: { person: Person; via: Place }, view: CardView): Promise<NudgeOutcome> {
  const messenger = messengerFor(deps, scope);
  const marker = `${key.subject}:${key.kind}:${key.at}`;
  const claim = await deps.followUps.claimNudge(scope, key, NUDGE_LEASE_MS);
  if (claim === 'sent') return 'already';
  if (claim === 'busy') throw new NudgeBusyError();
  // The crashed attempt claimed at most a lease before the job's moment plus its retries; look back a day.
  if (claim === 'retry') {
    const arrived = await messenger.personalSent(to, marker, key.at - 24 * 60 * 60 * 1000).catch(async (err: unknown) => {
      // Could not look (429, 5xx): the next attempt looks again, at once rather than after a lease.
      await deps.followUps.releaseNudge(scope, key).catch(() => undefined);
      throw err;
    });
    if (arrived === true) {
      await deps.followUps.finishNudge(scope, key);
      return 'already';
    }
  }
  try {
    await messenger.sendPersonal(to, view, marker);
  } catch (err) {
    if (isAppError(err) && isPermanent(err.code)) {
      await deps.followUps.finishNudge(scope, key);
      return `stopped:${err.code}`;
    }
    await deps.followUps.releaseNudge(scope, key).catch(() => undefined);
    throw err;
  }
  await deps.followUps.finishNudge(scope, key);
  return 'sent';
}

/** How often a nudge job that found its nudge held by another attempt looks again. */
const BUSY_RECHECK_MS = 1000;

/**
 * deliverOnce for a queued job: a nudge that another attempt holds is waited for (up to a lease),
 * not failed. That attempt may have died mid-send, and its lease outlasts the job's retries when
 * they come soon after BullMQ took the job back (1 s to 16 s apart, fewer after an earlier
 * failure): failing would end the job before the lease did, and lose the nudge and all after it.
 */
export async function deliverWhenFree(...args: Parameters<typeof deliverOnce>): Promise<NudgeOutcome> {
  for (let waited = 0; ; waited += BUSY_RECHECK_MS) {
    try {
      return await deliverOnce(...args);
    } catch (err) {
      if (!(err instanceof NudgeBusyError) || waited >= NUDGE_LEASE_MS) throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, BUSY_RECHECK_MS));
  }
}

/** Coordinators get the overdue list; a collaboration without any has its facilitator take that role. */
const coordinatorsOf = (collab: Collaboration): Person[] => (collab.coordinators.length > 0 ? collab.coordinators : [collab.facilitator]);

/**
 * Runs a queued nudge (the job handler): checks the item still waits for exactly this nudge, sends
 * it (to the owner, or for 'overdue' the collaboration's overdue items to its coordinators), then
 * queues the item's next nudge. A job the item no longer names is stale and does nothing.
 */
export async function sendNudge(deps: AppDeps, scope: Scope, ref: { collabId: string; id: string }, nudge: NextNudge): Promise<NudgeOutcome> {
  const item = await deps.followUps.get(scope, ref.collabId, ref.id);
  if (!item || item.status !== 'open' || item.next?.kind !== nudge.kind || item.next.at !== nudge.at) return 'stale';
  const record = await deps.collabs.get(scope, ref.collabId);
  if (!record?.thread) return 'stale';
  const { collab, thread } = record;
  // Read once: users.info on Slack. The owner may have moved since the job was queued.
  const zones = { owner: await personZone(deps, scope, item.owner, collab), collab: collab.timeZone ?? DEFAULT_TIME_ZONE };
  let outcome: NudgeOutcome = 'sent';
  if (nudge.kind === 'overdue') {
    const today = localDate(nudge.at, zones.collab);
    const overdue = (await deps.followUps.list(scope, collab.id)).filter((i) => i.status === 'open' && i.due < today).sort((a, b) => a.due.localeCompare(b.due));
    const view: CardView = { kind: 'followups', view: { locale: collab.locale, purpose: 'overdue', entries: overdue.map((i) => ({ item: i, collabTitle: collab.title })), today, actions: false } };
    // One message per coordinator per moment, whichever overdue item's job comes first.
    for (const person of coordinatorsOf(collab)) {
      const sent = await deliverWhenFree(deps, scope, { subject: collab.id, kind: 'overdue', at: nudge.at, person: person.id }, { person, via: thread }, view);
      if (sent !== 'sent' && sent !== 'already') outcome = sent;
    }
  } else {
    const view: CardView = {
      kind: 'followups',
      view: { locale: collab.locale, purpose: nudge.kind, entries: [{ item, collabTitle: collab.title }], today: localDate(nudge.at, zones.owner), actions: true },
    };
    const sent = await deliverWhenFree(deps, scope, { subject: item.id, kind: nudge.kind, at: nudge.at }, { person: item.owner, via: thread }, view);
    outcome = sent === 'already' ? 'sent' : sent;
  }
  await queueFollowing(deps, scope, item, zones, nudge);
  return outcome;
}

/** Queues the nudge after this one and records it on the item. */
async function queueFollowing(deps: AppDeps, scope: Scope, item: FollowUp, zones: NudgeZones, done: NextNudge): Promise<void> {
  const next = nextNudge(item, zones, Math.max(done.at, deps.clock.now()));
  if (next) await deps.jobs.scheduleNudge(scope, item, next);
  await deps.followUps
    .update(scope, item.collabId, item.id, (i) => (i.next?.kind === done.kind && i.next.at === done.at ? { ...i, next } : i))
    .catch((err: unknown) => {
      // Done or forgotten in the meantime: nothing more to queue.
      if (!isAppError(err, 'follow_up_not_found')) throw err;
    });
}
