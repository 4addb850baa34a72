import { createHmac } from 'node:crypto';
import type { Scope } from '../domain/poll.js';

/** Enough for every active person of a large workspace; a full cache starts over. */
const RECENT_PERSONS_MAX = 10_000;

/**
 * Keyed pseudonyms for people. The key is a server secret that never goes into Redis, so a copy of
 * the database and a member list together still cannot recompute who is who. Each purpose has its
 * own domain, so a facilitator's key can never be matched against a vote.
 */
export class Pseudonyms {
  /**
   * Recent `person` pseudonyms: one list of follow-ups asks for its owners and leads several
   * times, and an HMAC is the costly part. In this process only; never written anywhere.
   */
  private readonly recentPersons = new Map<string, string>();

  constructor(private readonly secret: string) {}

  private mac(...parts: string[]): string {
    // NUL cannot occur in platform ids, so the joined parts are unambiguous.
    return createHmac('sha256', this.secret).update(parts.join('\0')).digest('base64url');
  }

  /** The key a vote is stored under: one per person per poll, unlinkable across polls. */
  voter(pollSalt: string, userId: string): string {
    return this.mac('voter', pollSalt, userId);
  }

  /** The facilitator of one poll, in a different domain than voter keys. */
  facilitator(pollSalt: string, userId: string): string {
    return this.mac('facilitator', pollSalt, userId);
  }

  /**
   * Someone reminded to vote in one poll. The reminder's record must not link to the person's
   * other records (their follow-ups, their zone): with those a copy of the database could tell
   * who had not voted. Its own domain and the poll's salt make it a value found nowhere else.
   */
  chased(pollSalt: string, userId: string): string {
    return this.mac('chased', pollSalt, userId);
  }

  /** The signature of a dossier link, so a guessed or altered link is refused before any lookup. */
  linkSignature(linkId: string, expiresAt: number): string {
    return this.mac('dossier-link', linkId, String(expiresAt));
  }

  /** A per-workspace key for small per-person caches (the Slack locale). */
  person(scope: Scope, userId: string): string {
    const key = `${scope.platform}\0${scope.tenant}\0${userId}`;
    const known = this.recentPersons.get(key);
    if (known !== undefined) return known;
    const made = this.mac('person', scope.platform, scope.tenant, userId);
    if (this.recentPersons.size >= RECENT_PERSONS_MAX) this.recentPersons.clear();
    this.recentPersons.set(key, made);
    return made;
  }
}
