import { syncLeads } from '../follow-ups/leads.js';
import { sheetIds } from '../../domain/collaboration.js';
import type { CardView } from '../card-views.js';
import type { CollabCardName } from '../live-cards.js';
import { collabMessages } from '../../content/collab-messages.js';
import type { AppDeps } from '../deps.js';
import type { CardRef } from '../ports.js';
import { requireFacilitator } from './edit-collaboration.js';
import { messengerFor } from './start-collaboration.js';
import type { Actor } from './steps.js';
import { loadCollab } from '../collab-views.js';

/** Every card that shows the collaboration's state: steps, reminders, worksheets and the decision. */
const LIVE_CARDS: CollabCardName[] = ['decision', ...sheetIds];

/** The private question before anything is deleted (`vergeet`); only the facilitator gets it. */
export async function confirmForget(deps: AppDeps, a: Actor, locale: 'nl' | 'en'): Promise<CardView> {
  const collab = await requireFacilitator(deps, a);
  return { kind: 'confirm', locale, collabId: collab.id, title: collab.title };
}

/**
 * Deletes a collaboration on its facilitator's confirmed request: every key, its polls, its
 * queued jobs, its dossier links and its evaluation in the workspace's register. Its live cards are replaced by a short notice (their
 * content came from what is now deleted) and the thread is told.
 */
export async function forgetCollaboration(deps: AppDeps, a: Actor): Promise<void> {
  const collab = await requireFacilitator(deps, a);
  const { root, thread } = await loadCollab(deps, a.scope, a.collabId);
  const [pollIds, links, cards, followUps] = await Promise.all([
    deps.collabs.getPolls(a.scope, a.collabId),
    deps.collabs.getLinks(a.scope, a.collabId),
    Promise.all(LIVE_CARDS.map((name) => deps.collabs.getCard(a.scope, a.collabId, name))),
    deps.followUps.list(a.scope, a.collabId),
  ]);
  const polls = await Promise.all(pollIds.map((id) => deps.store.getPoll(a.scope, id)));
  await deps.jobs.cancelReminders(a.scope, a.collabId);
  // Keys first: a refresh that runs from now on finds nothing to render and stops.
  await deps.collabs.delete(a.scope, a.collabId);
  await deps.dossier.links.revoke(a.scope, links);
  await deps.register.remove(a.scope, a.collabId);
  await deps.followUps.forgetOwners(a.scope, followUps);
  await syncLeads(deps, a.scope, collab, undefined);
  for (const pollId of pollIds) {
    await deps.store.deletePoll(a.scope, pollId);
    await deps.jobs.cancelExpiry(a.scope, pollId).catch(() => undefined);
  }
  await deps.jobs.cancelCollab(a.scope, a.collabId, pollIds);
  const messenger = messengerFor(deps, a.scope);
  const text = collabMessages(collab.locale).forgotten;
  const shown: CardRef[] = [root, ...cards, ...polls.map((p) => p?.location)].filter((r): r is CardRef => r !== undefined);
  // Best effort: a card someone deleted by hand cannot be replaced, and that is fine.
  await Promise.all(shown.map((ref) => messenger.update(ref, { kind: 'notice', text }).catch(() => undefined)));
  if (thread) await messenger.post(thread, { kind: 'notice', text }).catch(() => undefined);
}
