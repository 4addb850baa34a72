import type { CardRefresher, Clock, Messengers, PollStore, RefreshTiming } from './ports.js';

/** What the poll use cases need from the outside world; built once in main.ts. */
export interface PollDeps {
  store: PollStore;
  messengers: Messengers;
  refresher: CardRefresher;
  refreshTiming: RefreshTiming;
  clock: Clock;
  /** Random id source, injectable so tests can be deterministic. */
  newId: () => string;
}
