import type { Scope } from '../domain/poll.js';
import type { PollDeps } from './deps.js';
import { loadPoll } from './cast-vote.js';
import type { PollState } from './ports.js';

/**
 * Closes a poll on behalf of its facilitator and updates the shared card at once with the final
 * tally. Anyone else gets AppError not_facilitator and nothing changes.
 */
export async function closePoll(deps: PollDeps, input: { scope: Scope; pollId: string; userId: string }): Promise<PollState> {
  await deps.store.closePoll(input.scope, input.pollId, input.userId, deps.clock.now());
  const state = await loadPoll(deps, input.scope, input.pollId);
  const messenger = deps.messengers[input.scope.platform];
  if (state.location && messenger) await messenger.updatePoll(state.location, state);
  return state;
}
