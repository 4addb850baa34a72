import { temperatureRecord } from '../domain/collaboration.js';
import { isAppError } from '../domain/errors.js';
import type { Scope } from '../domain/poll.js';
import type { AppDeps } from './deps.js';
import { loadPoll, pollInfo } from './cast-vote.js';
import type { Closer, PollState } from './ports.js';
import { refreshCollabCard, scheduleIfMarked } from './refresh-live-card.js';

async function close(deps: AppDeps, scope: Scope, pollId: string, by: Closer): Promise<void> {
  const result = await deps.store.closePoll(scope, pollId, by, deps.clock.now(), deps.refreshTiming);
  // The closed card goes through the same spaced refresh as votes: a refresh that read the open
  // poll earlier holds the card's lease, and this one renders after it, so the card ends closed.
  await scheduleIfMarked(deps, scope, { kind: 'poll', pollId }, result.refreshDelayMs);
  if (!result.alreadyClosed) await deps.jobs.cancelExpiry(scope, pollId).catch(() => undefined);
  // Also on a repeated close: a close whose recording failed half-way is completed by its retry.
  await recordTemperature(deps, scope, pollId);
}

/**
 * A poll opened in a collaboration's thread adds its result (counts only) to the collaboration's
 * temperature history; the root and decision cards follow.
 */
async function recordTemperature(deps: AppDeps, scope: Scope, pollId: string): Promise<void> {
  const state = await deps.store.getPoll(scope, pollId);
  const collabId = state?.poll.collabId;
  if (!state || !collabId) return;
  try {
    await deps.collabs.appendTemperature(scope, collabId, temperatureRecord(pollId, state.tally.counts, state.tally.voters, state.poll.closedAt ?? deps.clock.now()));
  } catch (err) {
    // The collaboration was forgotten while its poll ran: nothing to record.
    if (isAppError(err, 'collab_not_found')) return;
    throw err;
  }
  for (const name of ['root', 'decision'] as const) {
    await refreshCollabCard(deps, scope, collabId, name);
  }
}

/**
 * Closes a poll on behalf of its facilitator; the shared card follows through the refresh job.
 * Anyone else gets AppError not_facilitator and nothing changes. Returns the closed poll, for the
 * card shown to the facilitator at once.
 */
export async function closePoll(deps: AppDeps, input: { scope: Scope; pollId: string; userId: string }): Promise<PollState> {
  const info = await pollInfo(deps, input.scope, input.pollId);
  await close(deps, input.scope, input.pollId, { facilitatorKey: deps.pseudonyms.facilitator(info.voterSalt, input.userId) });
  return loadPoll(deps, input.scope, input.pollId);
}

/** Closes a poll that reached its maximum age (the expiry job); nothing happens if it is closed or gone. */
export async function expirePoll(deps: AppDeps, scope: Scope, pollId: string): Promise<void> {
  await close(deps, scope, pollId, 'system').catch((err: unknown) => {
    if (!isAppError(err, 'poll_not_found')) throw err;
  });
}
