import type { Collaboration, Person } from '../../domain/collaboration.js';
import type { Scope } from '../../domain/poll.js';
import type { AppDeps } from '../deps.js';
import { personZone } from './person-zone.js';

/** Who leads a collaboration: its facilitator and coordinators, once each. */
export function leadsOf(collab: Pick<Collaboration, 'facilitator' | 'coordinators'>): Person[] {
  const seen = new Set<string>();
  return [collab.facilitator, ...collab.coordinators].filter((p) => !seen.has(p.id) && seen.add(p.id));
}

/**
 * Keeps the lead index and the weekly digests in step with a collaboration's facilitator and
 * coordinators: `before` undefined for a new collaboration, `after` undefined for a forgotten one.
 * A person who leads nothing any more loses their digest.
 */
export async function syncLeads(deps: AppDeps, scope: Scope, before: Collaboration | undefined, after: Collaboration | undefined): Promise<void> {
  const was = new Map((before ? leadsOf(before) : []).map((p) => [p.id, p]));
  const is = new Map((after ? leadsOf(after) : []).map((p) => [p.id, p]));
  const collabId = (after ?? before)?.id;
  if (!collabId) return;
  for (const [id, person] of is) {
    if (was.has(id)) continue;
    const lead = deps.pseudonyms.person(scope, id);
    await deps.followUps.setLead(scope, lead, collabId, true);
    await deps.jobs.scheduleDigest(scope, lead, await personZone(deps, scope, person, after!));
  }
  for (const id of was.keys()) {
    if (is.has(id)) continue;
    const lead = deps.pseudonyms.person(scope, id);
    await deps.followUps.setLead(scope, lead, collabId, false);
    if ((await deps.followUps.listLed(scope, lead)).length === 0) await deps.jobs.cancelDigest(scope, lead);
  }
}
