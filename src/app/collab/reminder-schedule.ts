import { DEFAULT_TIME_ZONE, type Collaboration } from '../../domain/collaboration.js';
import type { AppDeps } from '../deps.js';
import { requireCoordinator, type Actor } from './steps.js';

export type Rhythm = NonNullable<Collaboration['reminderRhythm']>;

/**
 * Sets the rhythm of a collaboration's scheduled reminders (facilitator and coordinators): one
 * scheduler per thread, in the collaboration's time zone. Returns when the first one comes.
 */
export async function scheduleReminders(deps: AppDeps, a: Actor, rhythm: Rhythm): Promise<number> {
  await requireCoordinator(deps, a);
  const next = await deps.jobs.scheduleReminders(a.scope, a.collabId, { ...rhythm, timeZone: DEFAULT_TIME_ZONE, anchor: deps.clock.now() });
  await deps.collabs.update(a.scope, a.collabId, (c) => ({ ...c, reminderRhythm: rhythm }));
  return next;
}

/** Stops the scheduled reminders (facilitator and coordinators). */
export async function stopReminders(deps: AppDeps, a: Actor): Promise<void> {
  await requireCoordinator(deps, a);
  await deps.jobs.cancelReminders(a.scope, a.collabId);
  await deps.collabs.update(a.scope, a.collabId, (c) => ({ ...c, reminderRhythm: undefined }));
}

/** The rhythm and the next scheduled reminder, when one is set. */
export async function nextScheduledReminder(deps: AppDeps, a: Actor, collab: Collaboration): Promise<{ rhythm: Rhythm; at: number } | undefined> {
  if (!collab.reminderRhythm) return undefined;
  const at = await deps.jobs.nextReminder(a.scope, a.collabId);
  return at === undefined ? undefined : { rhythm: collab.reminderRhythm, at };
}
