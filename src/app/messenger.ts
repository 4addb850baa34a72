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
  /**
   * The people (not the bot itself) in the place's channel or chat, with names where the platform
   * gives them. Used to find who has not answered a card; failures leave as coded AppErrors.
   */
  members(place: Place): Promise<Person[]>;
  /**
   * Sends a personal (one-to-one) message. `via` is a place both share (the collaboration's thread):
   * Teams finds the person and its service there. `marker` (ids only) tags the message so
   * {@link Messenger.personalSent} can find it. A person who can never be reached (gone, blocked
   * the bot) throws AppError app_not_authorized.
   */
  sendPersonal(to: PersonalAddress, view: CardView, marker: string): Promise<void>;
  /** Whether a personal message with this marker reached the person since `since` (ms); undefined when the platform cannot tell. */
  personalSent(to: PersonalAddress, marker: string, since: number): Promise<boolean | undefined>;
  /** The person's IANA time zone as the platform knows it; undefined when it does not say. */
  timeZoneOf(person: Person): Promise<string | undefined>;
  /** Shows a personal overview on the person's own page of the app (Slack's Home tab); absent where there is none. */
  publishHome?(person: Person, view: CardView): Promise<void>;
}

/** Who a personal message goes to, and a place the bot shares with them. */
export interface PersonalAddress {
  person: Person;
  via: Place;
}

export type Messengers = Partial<Record<Scope['platform'], Messenger>>;
