import { isAppError } from '../domain/errors.js';
import type { Scope } from '../domain/poll.js';
import type { PollDeps } from './deps.js';
import { loadPoll, pollInfo } from './cast-vote.js';
import type { Closer, PollState } from './ports.js';

async function close(deps: PollDeps, scope: Scope, pollId: string, by: Closer): Promise<void> {
  const result = await deps.store.closePoll(scope, pollId, by, deps.clock.now(), deps.refreshTiming);
  // The closed card goes through the same spaced refresh as votes: a refresh that read the open
  // poll earlier holds the card's lease, and this one renders after it, so the card ends closed.
  if (result.refreshDelayMs !== undefined) await deps.jobs.scheduleRefresh(scope, pollId, result.refreshDelayMs);
  if (!result.alreadyClosed) await deps.jobs.cancelExpiry(scope, pollId).catch(() => undefined);
}

/**
 * Closes a poll on behalf of its facilitator; the shared card follows through the refresh job.
 * Anyone else gets AppError not_facilitator and nothing changes. Returns the closed poll, for the
 * card shown to the facilitator at once.
 */
export async function closePoll(deps: PollDeps, input: { scope: Scope; pollId: string; userId: string }): Promise<PollState> {
  const info = await pollInfo(deps, input.scope, input.pollId);
  await close(deps, input.scope, input.pollId, { facilitatorKey: deps.pseudonyms.facilitator(info.voterSalt, input.userId) });
  return loadPoll(deps, input.scope, input.pollId);
}

/** Closes a poll that reached its maximum age (the expiry job); nothing happens if it is closed or gone. */
export async function expirePoll(deps: PollDeps, scope: Scope, pollId: string): Promise<void> {
  await close(deps, scope, pollId, 'system').catch((err: unknown) => {
    if (!isAppError(err, 'poll_not_found')) throw err;
  });
}
