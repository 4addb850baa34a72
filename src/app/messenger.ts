import type { Person } from '../domain/collaboration.js';
import type { Scope } from '../domain/poll.js';
import type { CardView } from './card-views.js';
import type { CardRef, Place } from './ports.js';

/**
 * Posts and updates cards on one platform. Every card kind goes through the same four calls; the
 * platform renders the view with its own templates. Failures leave as coded AppErrors.
 */
export interface Messenger {
  post(place: Place, view: CardView): Promise<CardRef>;
  update(card: CardRef, view: CardView): Promise<void>;
  /** The thread under a posted card: where the rest of a collaboration goes. */
  threadOf(card: CardRef): Place;
  /** The channel or chat a place is in, outside any thread (new collaborations start there). */
  channelOf(place: Place): Place;
  /** Posts a text file into a place; false where the platform cannot take files there (Teams channels). */
  postFile(place: Place, file: { name: string; title: string; content: string }): Promise<boolean>;
  /** Display names for people, for pages outside the chat (the dossier); ids that cannot be resolved are left out. */
  displayNames(people: Person[]): Promise<Record<string, string>>;
  /** How many people (not bots) are in the place's channel or chat; undefined when the platform cannot tell. */
  memberCount(place: Place): Promise<number | undefined>;
}

export type Messengers = Partial<Record<Scope['platform'], Messenger>>;
