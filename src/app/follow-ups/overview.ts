import { DEFAULT_TIME_ZONE, type Collaboration, type Person } from '../../domain/collaboration.js';
import { followUpOrder, type FollowUp } from '../../domain/follow-up.js';
import type { Locale, Scope } from '../../domain/poll.js';
import type { CardView, FollowUpsView } from '../card-views.js';
import type { AppDeps } from '../deps.js';
import type { CollabRecord } from '../collab-ports.js';
import type { CardRef } from '../ports.js';
import { messengerFor } from '../collab/start-collaboration.js';
import { leadsOf } from './leads.js';
import { localDate } from './nudge-times.js';

/** Loads the collaborations by id, skipping those that are gone (their index entries expire). */
export async function loadCollabs(deps: AppDeps, scope: Scope, ids: Iterable<string>): Promise<CollabRecord[]> {
  const records = await Promise.all([...new Set(ids)].map((id) => deps.collabs.get(scope, id)));
  return records.filter((r): r is CollabRecord => r !== undefined);
}

/**
 * A person's overview: the open follow-ups they own across collaborations (with buttons), and the
 * collaborations they lead or have follow-ups in. The same card on Slack's Home tab and Teams' `mijn`.
 */
export async function overviewView(deps: AppDeps, scope: Scope, person: Person, locale: Locale, notice?: string): Promise<FollowUpsView> {
  const owned = await deps.followUps.listOwned(scope, person.id);
  const led = await deps.followUps.listLed(scope, deps.pseudonyms.person(scope, person.id));
  const collabs = (await loadCollabs(deps, scope, [...led, ...owned.map((r) => r.collabId)])).map((r) => r.collab);
  const byId = new Map(collabs.map((c) => [c.id, c]));
  const items = await Promise.all(owned.filter((r) => byId.has(r.collabId)).map((r) => deps.followUps.get(scope, r.collabId, r.id)));
  const open = items.filter((i): i is FollowUp => i !== undefined && i.status === 'open' && i.owner.id === person.id).sort(followUpOrder);
  const zone = collabs[0]?.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    locale,
    purpose: 'mine',
    entries: open.map((item) => ({ item, collabTitle: byId.get(item.collabId)?.title ?? '' })),
    today: localDate(deps.clock.now(), zone),
    actions: true,
    collabs: collabs
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((c) => ({ title: c.title, step: c.step, stage: c.stage, lead: leadsOf(c).some((p) => p.id === person.id) })),
    ...(notice ? { notice } : {}),
  };
}

/**
 * Shows a person their overview now (Slack: the Home tab; Teams: posted into their personal chat
 * at `postTo`) and remembers it, so later changes refresh it.
 */
export async function showOverview(deps: AppDeps, scope: Scope, person: Person, locale: Locale, notice?: string): Promise<FollowUpsView> {
  const view = await overviewView(deps, scope, person, locale, notice);
  const messenger = messengerFor(deps, scope);
  if (messenger.publishHome) await messenger.publishHome(person, { kind: 'followups', view });
  const known = await deps.followUps.getOverview(scope, person.id);
  await deps.followUps.setOverview(scope, person.id, { ...known, locale });
  return view;
}

/** Remembers the Teams card a person's overview was posted as, so changes update that card. */
export async function rememberOverviewCard(deps: AppDeps, scope: Scope, person: Person, locale: Locale, card: CardRef): Promise<void> {
  await deps.followUps.setOverview(scope, person.id, { locale, card });
}

/**
 * Brings the overviews of the people a change touches up to date: the owner (and a former one)
 * and the collaboration's leads. Only overviews someone opened are refreshed; a failure here never
 * undoes the change, the next opening shows the truth.
 */
export async function refreshOverviews(deps: AppDeps, scope: Scope, collab: Collaboration, people: Person[]): Promise<void> {
  const messenger = messengerFor(deps, scope);
  const seen = new Set<string>();
  const touched = [...people, ...leadsOf(collab)].filter((p) => !seen.has(p.id) && seen.add(p.id));
  // Asked all at once: most people never opened an overview, and a list touches many.
  const records = await deps.followUps.getOverviews(scope, touched.map((p) => p.id)).catch(() => []);
  for (const [i, person] of touched.entries()) {
    const record = records[i];
    if (!record) continue;
    const view: CardView = { kind: 'followups', view: await overviewView(deps, scope, person, record.locale) };
    if (messenger.publishHome) await messenger.publishHome(person, view).catch(() => undefined);
    if (record.card) await messenger.update(record.card, view).catch(() => undefined);
  }
}
