import type { Scope } from '../domain/poll.js';
import type { PollDeps } from './deps.js';

export interface RefreshMarker {
  /**
   * Claims the card for rendering and clears its pending mark (see store/lua.ts). Returns the ms
   * to wait instead when another refresh renders it or the last update is too recent.
   */
  begin(scope: Scope, pollId: string, now: number): Promise<number>;
  /** Releases the card; a delivered update starts the minimum interval. */
  finish(scope: Scope, pollId: string, now: number, delivered: boolean): Promise<void>;
}

export type RefreshOutcome = { kind: 'updated' | 'gone' | 'no-location' } | { kind: 'wait'; ms: number };

/**
 * Renders the latest state of a poll into its shared card. Runs in a worker; a vote that lands
 * after `begin` schedules a new refresh, so the last vote always reaches the card, and updates of
 * one card are at least the minimum interval apart.
 */
export async function refreshPollCard(deps: PollDeps, marker: RefreshMarker, scope: Scope, pollId: string): Promise<RefreshOutcome> {
  const wait = await marker.begin(scope, pollId, deps.clock.now());
  if (wait > 0) return { kind: 'wait', ms: wait };
  let delivered = false;
  try {
    const state = await deps.store.getPoll(scope, pollId);
    if (!state) return { kind: 'gone' };
    const messenger = deps.messengers[scope.platform];
    if (!state.location || !messenger) return { kind: 'no-location' };
    await messenger.updatePoll(state.location, state);
    delivered = true;
    return { kind: 'updated' };
  } finally {
    await marker.finish(scope, pollId, deps.clock.now(), delivered);
  }
}
