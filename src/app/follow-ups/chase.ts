import { DateTime } from 'luxon';
import { DEFAULT_TIME_ZONE, type Person, type QuestionSheet } from '../../domain/collaboration.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { Scope } from '../../domain/poll.js';
import { sheetText } from '../../content/sheets.js';
import type { CardView } from '../card-views.js';
import type { AppDeps } from '../deps.js';
import { liveCardId } from '../live-cards.js';
import type { Place } from '../ports.js';
import { threadOf } from '../collab/steps.js';
import { messengerFor } from '../collab/start-collaboration.js';
import { deliverOnce, NudgeBusyError } from './send-nudge.js';

/** The card whose non-responders are reminded: a step or reminder sheet, or a poll. */
export type ChaseCard = { kind: 'sheet'; collabId: string; sheet: QuestionSheet } | { kind: 'poll'; pollId: string };

/** What a press did, in counts only: the presser learns how many, never who. */
export interface ChaseResult {
  /** Got a personal message now. */
  reminded: number;
  /** Had one from an earlier press today. */
  already: number;
  /** Can never get one (they left, blocked the bot, or are a bot). */
  unreachable: number;
  /** Could not get one just now (a rate limit, an outage); the next press tries them again. */
  failed: number;
}

/** Personal messages in flight at once: fast enough for a class, well under the platforms' limits. */
const CONCURRENCY = 4;

/** Everything a chase needs to know about its card, whatever kind it is. */
interface Plan {
  subject: string;
  zone: string;
  thread: Place;
  view: CardView;
  /** For each person, whether they answered (or voted); computed, never stored. */
  answered: (people: Person[]) => Promise<boolean[]>;
  /** Who a reminder record is about (see NudgeKey.person). */
  keyOf: (person: Person) => string;
}

async function sheetPlan(deps: AppDeps, actor: { scope: Scope; user: Person }, card: Extract<ChaseCard, { kind: 'sheet' }>): Promise<Plan> {
  const { collab, thread } = await threadOf(deps, actor.scope, card.collabId);
  if (collab.facilitator.id !== actor.user.id) throw new AppError('not_collab_facilitator');
  if (collab.stage === 'stopped') throw new AppError('collab_stopped');
  return {
    subject: liveCardId({ kind: 'collab', collabId: collab.id, name: card.sheet }),
    zone: collab.timeZone ?? DEFAULT_TIME_ZONE,
    thread,
    view: { kind: 'chase', view: { locale: collab.locale, subject: { kind: 'sheet', title: sheetText(collab.locale, card.sheet).title }, collabTitle: collab.title, where: thread } },
    answered: async (people) => {
      // Answers are kept per member of the collaboration: who answered is no secret here.
      const by = new Set((await deps.collabs.getAnswers(actor.scope, collab.id, card.sheet)).map((set) => set.by.id));
      return people.map((p) => by.has(p.id));
    },
    keyOf: (person) => person.id,
  };
}

async function pollPlan(deps: AppDeps, actor: { scope: Scope; user: Person }, card: Extract<ChaseCard, { kind: 'poll' }>): Promise<Plan> {
  // Read fresh, not from the vote path's cache: the poll may have closed since.
  const info = await deps.store.getPollInfo(actor.scope, card.pollId);
  if (!info) throw new AppError('poll_not_found');
  const { poll, voterSalt } = info;
  const record = poll.collabId ? await deps.collabs.get(actor.scope, poll.collabId) : undefined;
  const opener = poll.facilitatorKey === deps.pseudonyms.facilitator(voterSalt, actor.user.id);
  if (!opener && record?.collab.facilitator.id !== actor.user.id) throw new AppError('not_collab_facilitator');
  if (poll.status === 'closed') throw new AppError('poll_closed');
  let thread = record?.thread;
  if (!thread) {
    const location = (await deps.store.getPoll(actor.scope, card.pollId))?.location;
    if (!location) throw new AppError('poll_not_found');
    thread = messengerFor(deps, actor.scope).threadOf(location);
  }
  return {
    subject: liveCardId({ kind: 'poll', pollId: poll.id }),
    zone: record?.collab.timeZone ?? DEFAULT_TIME_ZONE,
    thread,
    view: { kind: 'chase', view: { locale: poll.locale, subject: { kind: 'poll', question: poll.question }, collabTitle: record?.collab.title, where: thread } },
    // Votes are stored under keyed pseudonyms only: members are compared by theirs, in memory.
    answered: (people) => deps.store.votedAmong(actor.scope, poll.id, people.map((p) => deps.pseudonyms.voter(voterSalt, p.id))),
    keyOf: (person) => deps.pseudonyms.chased(voterSalt, person.id),
  };
}

/**
 * The facilitator reminds the members who have not answered a step or reminder card, or not voted
 * in a poll: one personal message each, at most once per card per day (the collaboration's day),
 * so a second press the same day sends nobody a second one. Anyone else gets
 * not_collab_facilitator; a closed poll poll_closed. Returns counts only, and logs nothing: who did
 * not vote in an anonymous poll is never written anywhere.
 */
export async function chaseNonResponders(deps: AppDeps, actor: { scope: Scope; user: Person }, card: ChaseCard): Promise<ChaseResult> {
  const plan = card.kind === 'sheet' ? await sheetPlan(deps, actor, card) : await pollPlan(deps, actor, card);
  // The presser knows whether they answered; a nudge about their own press would only be noise.
  const people = (await messengerFor(deps, actor.scope).members(plan.thread)).filter((p) => p.id !== actor.user.id);
  const answered = await plan.answered(people);
  const queue = people.filter((_, i) => !answered[i]);
  const at = DateTime.fromMillis(deps.clock.now(), { zone: plan.zone }).startOf('day').toMillis();
  const result: ChaseResult = { reminded: 0, already: 0, unreachable: 0, failed: 0 };
  const work = async (): Promise<void> => {
    for (let person = queue.shift(); person; person = queue.shift()) {
      const key = { subject: plan.subject, kind: 'chase' as const, at, person: plan.keyOf(person) };
      try {
        const outcome = await deliverOnce(deps, actor.scope, key, { person, via: plan.thread }, plan.view);
        if (outcome === 'sent') result.reminded += 1;
        else if (outcome === 'already') result.already += 1;
        else result.unreachable += 1;
      } catch (err) {
        if (isAppError(err, 'store_unavailable')) throw err;
        // Another press is sending this very message right now: it counts as sent before.
        if (err instanceof NudgeBusyError) result.already += 1;
        else result.failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, work));
  return result;
}
