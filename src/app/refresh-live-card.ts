import { isAppError, isPermanent, type ErrorCode } from '../domain/errors.js';
import { readSheet } from '../domain/collaboration.js';
import type { Scope } from '../domain/poll.js';
import type { CardView } from './card-views.js';
import { loadDecisionView, loadReminderView, loadRootView, loadStepView, loadWorksheetView } from './collab-views.js';
import type { AppDeps } from './deps.js';
import type { CollabCardName, LiveCard } from './live-cards.js';
import type { CardRef } from './ports.js';

export interface RefreshMarker {
  /**
   * Takes the card's lease and clears its pending mark (see store/lua.ts). Returns the ms to wait
   * instead when another refresh holds the card or the last update is too recent, -1 when its owner is gone.
   */
  begin(scope: Scope, card: LiveCard): Promise<number>;
  /** Releases the card; a delivered update starts the minimum interval. */
  finish(scope: Scope, card: LiveCard, delivered: boolean): Promise<void>;
}

export type RefreshOutcome =
  | { kind: 'updated' | 'gone' | 'no-location' }
  | { kind: 'wait'; ms: number }
  /** The platform refuses for good (card deleted, bot removed, token revoked): retrying cannot help. */
  | { kind: 'stopped'; code: ErrorCode };

/** How long a refresh waits for the location of a poll card that is still being posted. */
export const LOCATION_WAIT_MS = 60_000;

type Target = { ref: CardRef; view: CardView } | { kind: 'gone' | 'no-location' } | { kind: 'wait'; ms: number };

async function target(deps: AppDeps, scope: Scope, card: LiveCard): Promise<Target> {
  if (card.kind === 'poll') {
    const state = await deps.store.getPoll(scope, card.pollId);
    if (!state) return { kind: 'gone' };
    if (state.location) return { ref: state.location, view: { kind: 'poll', state } };
    // A vote can arrive before the card's location is stored (the card is visible the moment the platform has it).
    const young = deps.clock.now() - state.poll.createdAt < LOCATION_WAIT_MS;
    return young && state.poll.status === 'open' ? { kind: 'wait', ms: deps.refreshTiming.minIntervalMs } : { kind: 'no-location' };
  }
  const record = await deps.collabs.get(scope, card.collabId);
  if (!record) return { kind: 'gone' };
  // Collaboration cards are marked again right after their location is stored, so no wait is needed.
  const ref = card.name === 'root' ? record.root : await deps.collabs.getCard(scope, card.collabId, card.name);
  if (!ref) return { kind: 'no-location' };
  if (card.name === 'root') return { ref, view: { kind: 'root', view: await loadRootView(deps, scope, card.collabId) } };
  if (card.name === 'decision') return { ref, view: { kind: 'decision', view: await loadDecisionView(deps, scope, card.collabId) } };
  const sheet = readSheet(card.name);
  if (sheet.kind === 'worksheet') return { ref, view: { kind: 'worksheet', view: await loadWorksheetView(deps, scope, card.collabId, sheet.id) } };
  if (sheet.kind === 'reminder') return { ref, view: { kind: 'reminder', view: await loadReminderView(deps, scope, card.collabId, sheet.n) } };
  return { ref, view: { kind: 'step', view: await loadStepView(deps, scope, card.collabId, sheet.step) } };
}

/**
 * Renders the latest state of a live card into its shared message. Runs in a worker; a change
 * that lands after `begin` schedules a new refresh, so the last change always reaches the card,
 * and updates of one card are at least the minimum interval apart.
 */
export async function refreshLiveCard(deps: AppDeps, marker: RefreshMarker, scope: Scope, card: LiveCard): Promise<RefreshOutcome> {
  const wait = await marker.begin(scope, card);
  if (wait < 0) return { kind: 'gone' };
  if (wait > 0) return { kind: 'wait', ms: wait };
  let delivered = false;
  try {
    const messenger = deps.messengers[scope.platform];
    if (!messenger) return { kind: 'no-location' };
    const t = await target(deps, scope, card);
    if ('kind' in t) return t;
    try {
      await messenger.update(t.ref, t.view);
    } catch (err) {
      if (isAppError(err) && isPermanent(err.code)) return { kind: 'stopped', code: err.code };
      throw err;
    }
    delivered = true;
    return { kind: 'updated' };
  } finally {
    await marker.finish(scope, card, delivered);
  }
}

/**
 * Has a collaboration's live card follow a change: marks its refresh pending and queues the job
 * when no refresh is pending yet (the pending one will render the latest state).
 */
export async function refreshCollabCard(deps: AppDeps, scope: Scope, collabId: string, name: CollabCardName): Promise<void> {
  const marked = await deps.collabs.markRefresh(scope, collabId, name, deps.refreshTiming);
  await scheduleIfMarked(deps, scope, { kind: 'collab', collabId, name }, marked.refreshDelayMs);
}

/** Queues a refresh of a live card when the store marked it pending (a delay) and none was pending before. */
export async function scheduleIfMarked(deps: AppDeps, scope: Scope, card: LiveCard, delayMs: number | undefined): Promise<void> {
  if (delayMs !== undefined) await deps.jobs.scheduleRefresh(scope, card, delayMs);
}
