import type { CollabStore } from './collab-ports.js';
import type { FollowUpStore } from './follow-ups/follow-up-ports.js';
import type { DossierSettings } from './dossier-ports.js';
import type { Messengers } from './messenger.js';
import type { Clock, Lifetimes, Scheduler, PollStore, RefreshTiming } from './ports.js';
import type { Pseudonyms } from './pseudonyms.js';
import type { RegisterStore } from './register-ports.js';

/** What the use cases need from the outside world; built once in main.ts. */
export interface AppDeps {
  store: PollStore;
  collabs: CollabStore;
  dossier: DossierSettings;
  /** The workspace's register of external organisations (seed 004). */
  register: RegisterStore;
  /** Follow-ups (opvolgpunten), people's time zones and the records of sent nudges. */
  followUps: FollowUpStore;
  messengers: Messengers;
  jobs: Scheduler;
  refreshTiming: RefreshTiming;
  lifetimes: Lifetimes;
  pseudonyms: Pseudonyms;
  clock: Clock;
  /** Random id source, injectable so tests can be deterministic. */
  newId: () => string;
}
