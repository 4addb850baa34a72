import { z } from 'zod';
import type { NamedVote, Poll, Scope, Tally, Temperature } from '../domain/poll.js';

/** Where a poll card lives on its platform; stored with the poll so any process can update it. */
export const SlackLocationSchema = z.object({
  platform: z.literal('slack'),
  channel: z.string().min(1),
  ts: z.string().optional(),
  threadTs: z.string().optional(),
});
export const TeamsLocationSchema = z.object({
  platform: z.literal('teams'),
  /** A Bot Framework conversation reference without the person who caused it (see teams/reference.ts). */
  reference: z.record(z.string(), z.unknown()),
  activityId: z.string().optional(),
});
export const MessageLocationSchema = z.discriminatedUnion('platform', [SlackLocationSchema, TeamsLocationSchema]);
export type MessageLocation = z.infer<typeof MessageLocationSchema>;
export type SlackLocation = z.infer<typeof SlackLocationSchema>;
export type TeamsLocation = z.infer<typeof TeamsLocationSchema>;

/** Everything needed to render a poll card. */
export interface PollState {
  poll: Poll;
  tally: Tally;
  /** Only filled for named polls. */
  named: NamedVote[];
  location?: MessageLocation;
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
  setLocation(scope: Scope, pollId: string, location: MessageLocation): Promise<void>;
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
  /** Deletes everything stored for a workspace or tenant; returns how many keys went. */
  deleteScope(scope: Scope): Promise<number>;
}

/** Posts and updates poll cards on one platform. */
export interface Messenger {
  postPoll(location: MessageLocation, state: PollState): Promise<MessageLocation>;
  updatePoll(location: MessageLocation, state: PollState): Promise<void>;
  /** Replaces a posted card by a short notice without buttons (a poll that could not start). */
  replaceWithNotice(location: MessageLocation, text: string): Promise<void>;
}

export type Messengers = Partial<Record<Scope['platform'], Messenger>>;

/** The poll's background jobs. Payloads hold ids only. */
export interface PollJobs {
  /**
   * Runs a re-render of a poll's shared card after `delayMs`. If the job cannot be queued the
   * pending mark is taken back, so the next vote schedules one, and store_unavailable is thrown.
   */
  scheduleRefresh(scope: Scope, pollId: string, delayMs: number): Promise<void>;
  /** Closes the poll after `delayMs` (its maximum age); one job per poll. */
  scheduleExpiry(scope: Scope, pollId: string, delayMs: number): Promise<void>;
  cancelExpiry(scope: Scope, pollId: string): Promise<void>;
  /** Removes every queued job of a workspace or tenant. */
  cancelScope(scope: Scope): Promise<void>;
}

export interface Clock {
  now(): number;
}
