import { DEFAULT_TIME_ZONE, type Collaboration } from '../../domain/collaboration.js';
import { AppError } from '../../domain/errors.js';
import type { AppDeps } from '../deps.js';
import { requireCoordinator, type Actor } from './steps.js';

export type Rhythm = NonNullable<Collaboration['reminderRhythm']>;

/**
 * Sets the rhythm of a collaboration's scheduled reminders (facilitator and coordinators): one
 * scheduler per thread, in the collaboration's time zone. Returns when the first one comes.
 */
export async function scheduleReminders(deps: AppDeps, a: Actor, rhythm: Rhythm): Promise<number> {
  const { collab } = await requireCoordinator(deps, a);
  const next = await deps.jobs.scheduleReminders(a.scope, a.collabId, { ...rhythm, timeZone: collab.timeZone ?? DEFAULT_TIME_ZONE, anchor: deps.clock.now() });
  await deps.collabs.update(a.scope, a.collabId, (c) => ({ ...c, reminderRhythm: rhythm }));
  return next;
}

/** The IANA name as the runtime spells it (`europe/amsterdam` -> `Europe/Amsterdam`), or undefined when it knows no such zone. */
export function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Sets the collaboration's time zone (facilitator and coordinators); a reminder schedule moves
 * with it, so 9:00 stays 9:00 where the group lives. Throws invalid_input for an unknown zone.
 */
export async function setTimeZone(deps: AppDeps, a: Actor, name: string): Promise<string> {
  await requireCoordinator(deps, a);
  const zone = canonicalTimeZone(name);
  if (!zone) throw new AppError('invalid_input', 'unknown time zone');
  const collab = await deps.collabs.update(a.scope, a.collabId, (c) => ({ ...c, timeZone: zone }));
  if (collab.reminderRhythm) await scheduleReminders(deps, a, collab.reminderRhythm);
  return zone;
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
