import type { Clock, Lifetimes, Messengers, PollJobs, PollStore, RefreshTiming } from './ports.js';
import type { Pseudonyms } from './pseudonyms.js';

/** What the poll use cases need from the outside world; built once in main.ts. */
export interface PollDeps {
  store: PollStore;
  messengers: Messengers;
  jobs: PollJobs;
  refreshTiming: RefreshTiming;
  lifetimes: Lifetimes;
  pseudonyms: Pseudonyms;
  clock: Clock;
  /** Random id source, injectable so tests can be deterministic. */
  newId: () => string;
}
