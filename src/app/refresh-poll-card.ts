import { isAppError, isPermanent, type ErrorCode } from '../domain/errors.js';
import type { Scope } from '../domain/poll.js';
import type { PollDeps } from './deps.js';

export interface RefreshMarker {
  /**
   * Takes the card's lease and clears its pending mark (see store/lua.ts). Returns the ms to wait
   * instead when another refresh holds the card or the last update is too recent, -1 when the poll is gone.
   */
  begin(scope: Scope, pollId: string): Promise<number>;
  /** Releases the card; a delivered update starts the minimum interval. */
  finish(scope: Scope, pollId: string, delivered: boolean): Promise<void>;
}

export type RefreshOutcome =
  | { kind: 'updated' | 'gone' | 'no-location' }
  | { kind: 'wait'; ms: number }
  /** The platform refuses for good (card deleted, bot removed, token revoked): retrying cannot help. */
  | { kind: 'stopped'; code: ErrorCode };

/** How long a refresh waits for the location of a card that is still being posted. */
export const LOCATION_WAIT_MS = 60_000;

/**
 * Renders the latest state of a poll into its shared card. Runs in a worker; a vote that lands
 * after `begin` schedules a new refresh, so the last vote always reaches the card, and updates of
 * one card are at least the minimum interval apart. A vote can arrive before the card's location
 * is stored (the card is visible the moment the platform has it): the refresh then waits for it.
 */
export async function refreshPollCard(deps: PollDeps, marker: RefreshMarker, scope: Scope, pollId: string): Promise<RefreshOutcome> {
  const wait = await marker.begin(scope, pollId);
  if (wait < 0) return { kind: 'gone' };
  if (wait > 0) return { kind: 'wait', ms: wait };
  let delivered = false;
  try {
    const state = await deps.store.getPoll(scope, pollId);
    if (!state) return { kind: 'gone' };
    const messenger = deps.messengers[scope.platform];
    if (!messenger) return { kind: 'no-location' };
    if (!state.location) {
      const young = deps.clock.now() - state.poll.createdAt < LOCATION_WAIT_MS;
      return young && state.poll.status === 'open' ? { kind: 'wait', ms: deps.refreshTiming.minIntervalMs } : { kind: 'no-location' };
    }
    try {
      await messenger.updatePoll(state.location, state);
    } catch (err) {
      if (isAppError(err) && isPermanent(err.code)) return { kind: 'stopped', code: err.code };
      throw err;
    }
    delivered = true;
    return { kind: 'updated' };
  } finally {
    await marker.finish(scope, pollId, delivered);
  }
}
