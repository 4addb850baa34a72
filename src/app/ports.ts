import { z } from 'zod';
import { TemperatureSchema, type NamedVote, type Poll, type Scope, type Tally, type Temperature } from '../domain/poll.js';

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
  /** Increases with every change; lets a refresher know whether it rendered the latest state. */
  version: number;
}

export const CastResultSchema = z.object({
  changed: z.boolean(),
  previous: TemperatureSchema.optional(),
});
export type CastResult = z.infer<typeof CastResultSchema>;

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
  getVoterSalt(scope: Scope, pollId: string): Promise<string | undefined>;
  /** Records or changes one vote. Throws AppError poll_not_found / poll_closed. */
  castVote(
    scope: Scope,
    pollId: string,
    vote: { voterKey: string; choice: Temperature; name?: string },
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

/** Asks for the shared card of a poll to be re-rendered soon; implementations coalesce requests. */
export interface CardRefresher {
  request(scope: Scope, pollId: string): Promise<void>;
}

export interface Clock {
  now(): number;
}
