import { createHmac } from 'node:crypto';
import { AppError } from '../domain/errors.js';
import type { Scope, Temperature } from '../domain/poll.js';
import type { PollDeps } from './deps.js';
import type { CastResult, PollState } from './ports.js';

export interface CastVoteInput {
  scope: Scope;
  pollId: string;
  userId: string;
  /** Display name, stored only for named polls. */
  userName?: string;
  choice: Temperature;
}

/** Voter ids are stored only as a keyed hash with the poll's own salt: one vote each, no identity kept. */
export function voterKey(salt: string, userId: string): string {
  return createHmac('sha256', salt).update(userId).digest('base64url');
}

// The salt of a poll never changes, so a small in-process cache saves a round trip per vote.
const saltCache = new Map<string, string>();
const SALT_CACHE_MAX = 10_000;

async function saltFor(deps: PollDeps, scope: Scope, pollId: string): Promise<string> {
  const cacheKey = `${scope.platform}:${scope.tenant}:${pollId}`;
  const cached = saltCache.get(cacheKey);
  if (cached) return cached;
  const salt = await deps.store.getVoterSalt(scope, pollId);
  if (!salt) throw new AppError('poll_not_found');
  if (saltCache.size >= SALT_CACHE_MAX) saltCache.clear();
  saltCache.set(cacheKey, salt);
  return salt;
}

/**
 * Records one person's vote (or changes it) and asks for the shared card to be refreshed.
 * Repeating the same vote (a retry or a double click) changes nothing.
 */
export async function castVote(deps: PollDeps, input: CastVoteInput): Promise<CastResult> {
  const salt = await saltFor(deps, input.scope, input.pollId);
  const result = await deps.store.castVote(
    input.scope,
    input.pollId,
    { voterKey: voterKey(salt, input.userId), choice: input.choice, name: input.userName },
    { ...deps.refreshTiming, now: deps.clock.now() },
  );
  // The store marks a refresh pending even for an unchanged vote, so a retry of a vote whose job
  // was lost still brings the card up to date; only the first mark needs a job.
  if (result.refreshDelayMs !== undefined) await deps.refresher.schedule(input.scope, input.pollId, result.refreshDelayMs);
  return result;
}

/** The poll as it is now, or poll_not_found. */
export async function loadPoll(deps: PollDeps, scope: Scope, pollId: string): Promise<PollState> {
  const state = await deps.store.getPoll(scope, pollId);
  if (!state) throw new AppError('poll_not_found');
  return state;
}
