import { DEFAULT_TIME_ZONE, type Collaboration, type Person } from '../../domain/collaboration.js';
import type { Scope } from '../../domain/poll.js';
import type { AppDeps } from '../deps.js';
import { messengerFor } from '../collab/start-collaboration.js';
import { isKnownZone } from './nudge-times.js';

/**
 * Where a person's 9:00 is: the zone their platform reports (Slack), else the one last seen on
 * their own activity (Teams), else the collaboration's, else Europe/Brussels.
 */
export async function personZone(deps: AppDeps, scope: Scope, person: Person, collab: Collaboration): Promise<string> {
  const reported = await messengerFor(deps, scope).timeZoneOf(person).catch(() => undefined);
  const seen = reported ?? (await deps.followUps.getPersonZone(scope, person.id));
  for (const zone of [seen, collab.timeZone]) if (zone && isKnownZone(zone)) return zone;
  return DEFAULT_TIME_ZONE;
}
