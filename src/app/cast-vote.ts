import { AppError } from '../domain/errors.js';
import type { Scope, Temperature } from '../domain/poll.js';
import type { AppDeps } from './deps.js';
import type { CastResult, NewPoll, PollState } from './ports.js';

export interface CastVoteInput {
  scope: Scope;
  pollId: string;
  userId: string;
  /** Display name; used only for named polls and dropped before anything is stored otherwise. */
  userName?: string;
  choice: Temperature;
}

// A poll's salt and fixed fields never change (only its status, which the vote script checks),
// so a small in-process cache saves a round trip per vote.
const infoCache = new Map<string, NewPoll>();
const INFO_CACHE_MAX = 10_000;

/** A poll's fixed fields and voter salt (cached in the process), or poll_not_found. */
export async function pollInfo(deps: AppDeps, scope: Scope, pollId: string): Promise<NewPoll> {
  const cacheKey = `${scope.platform}:${scope.tenant}:${pollId}`;
  const cached = infoCache.get(cacheKey);
  if (cached) return cached;
  const info = await deps.store.getPollInfo(scope, pollId);
  if (!info) throw new AppError('poll_not_found');
  if (infoCache.size >= INFO_CACHE_MAX) infoCache.clear();
  infoCache.set(cacheKey, info);
  return info;
}

export interface VoteOutcome extends CastResult {
  /** The poll as it is right after the vote (open: a vote on a closed poll is refused). */
  state: PollState;
}

/**
 * Records one person's vote (or changes it) and has the shared card refreshed.
 * Repeating the same vote (a retry or a double click) changes nothing.
 * Returns the poll with its new tally, so the caller can show the voter a card without another read.
 */
export async function castVote(deps: AppDeps, input: CastVoteInput): Promise<VoteOutcome> {
  const { poll, voterSalt } = await pollInfo(deps, input.scope, input.pollId);
  const result = await deps.store.castVote(
    input.scope,
    input.pollId,
    {
      voterKey: deps.pseudonyms.voter(voterSalt, input.userId),
      choice: input.choice,
      name: poll.anonymous ? undefined : input.userName,
    },
    deps.refreshTiming,
  );
  // The store marks a refresh pending even for an unchanged vote, so a retry of a vote whose job
  // was lost still brings the card up to date; only the first mark needs a job.
  if (result.refreshDelayMs !== undefined) await deps.jobs.scheduleRefresh(input.scope, { kind: 'poll', pollId: input.pollId }, result.refreshDelayMs);
  // Names are not in the script's reply; named polls (opt-in, small) read them.
  const state: PollState = poll.anonymous
    ? { poll: { ...poll, status: 'open' }, tally: result.tally, named: [] }
    : await loadPoll(deps, input.scope, input.pollId);
  return { ...result, state };
}

/** The poll as it is now, or poll_not_found. */
export async function loadPoll(deps: AppDeps, scope: Scope, pollId: string): Promise<PollState> {
  const state = await deps.store.getPoll(scope, pollId);
  if (!state) throw new AppError('poll_not_found');
  return state;
}
