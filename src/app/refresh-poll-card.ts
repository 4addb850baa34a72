import type { Scope } from '../domain/poll.js';
import type { PollDeps } from './deps.js';

export interface RefreshMarker {
  /** Clears the pending mark right before the state is read (see store/lua.ts). */
  begin(scope: Scope, pollId: string, now: number): Promise<void>;
}

/**
 * Renders the latest state of a poll into its shared card. Runs in a worker; a vote that lands
 * after `begin` schedules a new refresh, so the last vote always reaches the card.
 */
export async function refreshPollCard(
  deps: PollDeps,
  marker: RefreshMarker,
  scope: Scope,
  pollId: string,
): Promise<'updated' | 'gone' | 'no-location'> {
  await marker.begin(scope, pollId, deps.clock.now());
  const state = await deps.store.getPoll(scope, pollId);
  if (!state) return 'gone';
  const messenger = deps.messengers[scope.platform];
  if (!state.location || !messenger) return 'no-location';
  await messenger.updatePoll(state.location, state);
  return 'updated';
}
