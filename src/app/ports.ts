import { z } from 'zod';
import { PlatformSchema, type NamedVote, type Poll, type Scope, type Tally, type Temperature } from '../domain/poll.js';
import type { LiveCard } from './live-cards.js';
import type { WeeklyRule } from '../domain/weekly.js';
import type { NextNudge } from '../domain/follow-up.js';

/**
 * A place to post into (a channel, a thread, a chat) as its platform describes it. `ref` is
 * read only by that platform's messenger; `channel` and `thread` are opaque keys the core uses to
 * find the collaboration a command belongs to.
 */
export const PlaceSchema = z.object({
  platform: PlatformSchema,
  ref: z.string().min(1).max(8000),
  channel: z.string().min(1).max(512),
  thread: z.string().min(1).max(512).optional(),
});
export type Place = z.infer<typeof PlaceSchema>;

/** A posted card, as only its platform's messenger can read it (Slack: channel and ts; Teams: a reference and activity id). */
export const CardRefSchema = z.object({
  platform: PlatformSchema,
  ref: z.string().min(1).max(8000),
});
export type CardRef = z.infer<typeof CardRefSchema>;

/** Everything needed to render a poll card. */
export interface PollState {
  poll: Poll;
  tally: Tally;
  /** Only filled for named polls. */
  named: NamedVote[];
  location?: CardRef;
}

export interface CastResult {
  changed: boolean;
  previous?: Temperature;
  /** The tally right after this vote. */
  tally: Tally;
  /** Delay for a new card refresh job, or undefined when one is already pending. */
  refreshDelayMs?: number;
}

export interface CloseResult {
  alreadyClosed: boolean;
  /** Delay for a new card refresh job, or undefined when one is already pending or nothing changed. */
  refreshDelayMs?: number;
}

/** How card refreshes are spaced; the vote script marks them pending in the same round trip. */
export interface RefreshTiming {
  /** Shared cards are updated at most once per this many ms (Slack's chat.update and Teams' limits). */
  minIntervalMs: number;
  /** A pending mark older than this is treated as lost (its job died) and replaced by the next vote. */
  pendingTtlMs: number;
  /** A refresh holds its card this long at most; after that a crashed refresh no longer blocks others. */
  leaseMs: number;
}

/** How long things are kept (README: Data and retention). */
export interface Lifetimes {
  /** An open poll closes itself after this long. */
  pollMaxMs: number;
  /** A closed poll's counts are deleted this long after closing. */
  retentionMs: number;
}

export interface NewPoll {
  poll: Poll;
  /** Random per-poll salt for voter pseudonyms; never leaves the store except to hash. */
  voterSalt: string;
}

export type Closer = { facilitatorKey: string } | 'system';

/** Persistence of polls. Implementations must make each method atomic. */
export interface PollStore {
  createPoll(input: NewPoll): Promise<void>;
  setLocation(scope: Scope, pollId: string, location: CardRef): Promise<void>;
  deletePoll(scope: Scope, pollId: string): Promise<void>;
  getPoll(scope: Scope, pollId: string): Promise<PollState | undefined>;
  /** The poll's fixed fields and voter salt, without tally or names (one small read). */
  getPollInfo(scope: Scope, pollId: string): Promise<NewPoll | undefined>;
  /**
   * Records or changes one vote and marks a card refresh pending, atomically. Names are kept only
   * for named polls. Throws AppError poll_not_found / poll_closed (also once the poll has expired).
   */
  castVote(
    scope: Scope,
    pollId: string,
    vote: { voterKey: string; choice: Temperature; name?: string },
    timing: RefreshTiming,
  ): Promise<CastResult>;
  /**
   * Closes the poll (the facilitator, or the system when it expires), deletes an anonymous poll's
   * per-voter entries and marks the card refresh pending. Throws AppError not_facilitator / poll_not_found.
   */
  closePoll(scope: Scope, pollId: string, by: Closer, now: number, timing: RefreshTiming): Promise<CloseResult>;
  /**
   * For each voter key, whether that key has a vote in the (open) poll. Only keys go in and only
   * booleans come out: nothing about who did not vote is written anywhere.
   */
  votedAmong(scope: Scope, pollId: string, voterKeys: string[]): Promise<boolean[]>;
  /** Deletes everything stored for a workspace or tenant; returns how many keys went. */
  deleteScope(scope: Scope): Promise<number>;
}


/** Scheduled work: live card refreshes and poll expiry. Payloads hold ids only. */
export interface Scheduler {
  /**
   * Re-renders a live card (a poll, a collaboration's root, step or decision card) after `delayMs`. If the job cannot be queued the
   * pending mark is taken back, so the next vote schedules one, and store_unavailable is thrown.
   */
  scheduleRefresh(scope: Scope, card: LiveCard, delayMs: number): Promise<void>;
  /** Closes the poll after `delayMs` (its maximum age); one job per poll. */
  scheduleExpiry(scope: Scope, pollId: string, delayMs: number): Promise<void>;
  cancelExpiry(scope: Scope, pollId: string): Promise<void>;
  /**
   * Posts the collaboration's next reminder on a weekly rhythm (one scheduler per thread; a new
   * rhythm replaces the old). Returns when the first one comes.
   */
  scheduleReminders(scope: Scope, collabId: string, rule: WeeklyRule): Promise<number>;
  cancelReminders(scope: Scope, collabId: string): Promise<void>;
  /** When the next scheduled reminder comes, if a rhythm is set. */
  nextReminder(scope: Scope, collabId: string): Promise<number | undefined>;
  /**
   * Queues one nudge of a follow-up at `next.at`. The job id is made of the item, kind and moment,
   * so queuing the same nudge again replaces nothing and adds nothing. Payload: ids only.
   */
  scheduleNudge(scope: Scope, item: { collabId: string; id: string }, next: NextNudge): Promise<void>;
  /** Queues the first nudges of several items in one go (see scheduleNudge). */
  scheduleNudges(scope: Scope, nudges: { item: { collabId: string; id: string }; next: NextNudge }[]): Promise<void>;
  /** Removes a queued nudge (the item changed); a nudge already running finishes and is then ignored. */
  cancelNudge(scope: Scope, itemId: string, next: NextNudge): Promise<void>;
  /**
   * Sends a person's weekly digest on Mondays at 9:00 in `timeZone` (one scheduler per person, named
   * by their pseudonym; upserting again replaces its zone, it never adds a second one).
   */
  scheduleDigest(scope: Scope, lead: string, timeZone: string): Promise<void>;
  cancelDigest(scope: Scope, lead: string): Promise<void>;
  /** Removes the queued jobs of one collaboration's cards and of its polls' cards. */
  cancelCollab(scope: Scope, collabId: string, pollIds: string[]): Promise<void>;
  /** Removes every queued job of a workspace or tenant. */
  cancelScope(scope: Scope): Promise<void>;
}

export interface Clock {
  now(): number;
}
