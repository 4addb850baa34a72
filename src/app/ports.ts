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
  /** A Bot Framework conversation reference, kept as the SDK gave it. */
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

/** How card refreshes are spaced; the vote script marks them pending in the same round trip. */
export interface RefreshTiming {
  /** Shared cards are updated at most once per this many ms (Slack's chat.update and Teams' limits). */
  minIntervalMs: number;
  /** A pending mark older than this is treated as lost (its job died) and replaced. */
  pendingTtlMs: number;
}

export interface NewPoll {
  poll: Poll;
  /** Random per-poll key for hashing voter ids; never leaves the store except to hash. */
  voterSalt: string;
}

/** Persistence of polls. Implementations must make each method atomic. */
export interface PollStore {
  createPoll(input: NewPoll): Promise<void>;
  setLocation(scope: Scope, pollId: string, location: MessageLocation): Promise<void>;
  deletePoll(scope: Scope, pollId: string): Promise<void>;
  getPoll(scope: Scope, pollId: string): Promise<PollState | undefined>;
  /** The poll's fixed fields and voter salt, without tally or names (one small read). */
  getPollInfo(scope: Scope, pollId: string): Promise<NewPoll | undefined>;
  /**
   * Records or changes one vote and marks a card refresh pending, atomically.
   * Throws AppError poll_not_found / poll_closed.
   */
  castVote(
    scope: Scope,
    pollId: string,
    vote: { voterKey: string; choice: Temperature; name?: string },
    refresh: RefreshTiming & { now: number },
  ): Promise<CastResult>;
  /** Closes the poll when `userId` opened it. Throws AppError not_facilitator / poll_not_found. */
  closePoll(scope: Scope, pollId: string, userId: string, now: number): Promise<{ alreadyClosed: boolean }>;
}

/** Posts and updates poll cards on one platform. */
export interface Messenger {
  postPoll(location: MessageLocation, state: PollState): Promise<MessageLocation>;
  updatePoll(location: MessageLocation, state: PollState): Promise<void>;
}

export type Messengers = Partial<Record<Scope['platform'], Messenger>>;

/** Runs a re-render of a poll's shared card after `delayMs`; the store decides when one is needed. */
export interface CardRefresher {
  schedule(scope: Scope, pollId: string, delayMs: number): Promise<void>;
}

export interface Clock {
  now(): number;
}
