import type { FollowUp, NudgeKind } from '../../domain/follow-up.js';
import { z } from 'zod';
import { LocaleSchema, type Scope } from '../../domain/poll.js';
import { CardRefSchema } from '../ports.js';

/** One follow-up as the personal overview lists it: where it lives, not what it says. */
export interface FollowUpRef {
  collabId: string;
  id: string;
}

/**
 * A person who looked at their personal overview: the language they read it in, and on Teams the
 * card it was posted as, so changes can update it in place.
 */
export const OverviewRecordSchema = z.object({ locale: LocaleSchema, card: CardRefSchema.optional() });
export type OverviewRecord = z.infer<typeof OverviewRecordSchema>;

/**
 * What a worker learns when it claims a nudge before sending it:
 * - `claimed`: nobody tried before; send.
 * - `retry`: an earlier attempt claimed it and did not finish (a crash mid-send); ask the platform
 *   whether that message arrived before sending again.
 * - `busy`: another worker is sending it right now.
 * - `sent`: it went out already.
 */
export type NudgeClaim = 'claimed' | 'retry' | 'busy' | 'sent';

/** The identity of one nudge: an item's or a collaboration's, of one kind, for one due moment. */
export interface NudgeKey {
  subject: string;
  kind: NudgeKind | 'digest' | 'chase';
  at: number;
  /** Set when one moment reaches several people (coordinators, non-responders): one record each. */
  person?: string;
}

/**
 * Persistence of follow-ups. Items live in their collaboration's keys (deleted with it); each owner
 * has an index by pseudonym for the personal overview. Every key has a lifetime.
 */
export interface FollowUpStore {
  /**
   * Adds items of one collaboration, all or none; throws AppError invalid_input when they would
   * take it past FOLLOW_UPS_MAX, collab_not_found when it is gone.
   */
  add(scope: Scope, items: FollowUp[]): Promise<void>;
  get(scope: Scope, collabId: string, id: string): Promise<FollowUp | undefined>;
  list(scope: Scope, collabId: string): Promise<FollowUp[]>;
  /**
   * Changes an item with `change` applied to its current value, retried when another change came
   * in between; keeps the owners' indexes right. Throws AppError follow_up_not_found when the item is gone.
   */
  update(scope: Scope, collabId: string, id: string, change: (item: FollowUp) => FollowUp): Promise<{ before: FollowUp; after: FollowUp }>;
  /** Takes a forgotten collaboration's items out of their owners' indexes (the items go with its keys). */
  forgetOwners(scope: Scope, items: FollowUp[]): Promise<void>;
  /** The open items a person owns, across collaborations. */
  listOwned(scope: Scope, ownerId: string): Promise<FollowUpRef[]>;
  /**
   * The collaborations a person leads (facilitator or coordinator), by the person's pseudonym: for
   * their weekly digest and their personal overview. Kept RETENTION_DAYS after the last change.
   */
  setLead(scope: Scope, lead: string, collabId: string, leads: boolean): Promise<void>;
  listLed(scope: Scope, lead: string): Promise<string[]>;
  /** Remembers (RETENTION_DAYS) that a person opened their overview, so changes refresh it. */
  setOverview(scope: Scope, userId: string, record: OverviewRecord): Promise<void>;
  getOverview(scope: Scope, userId: string): Promise<OverviewRecord | undefined>;
  /** getOverview for several people in one round trip, in their order. */
  getOverviews(scope: Scope, userIds: string[]): Promise<(OverviewRecord | undefined)[]>;
  /** The IANA zone last seen for a person (Teams activities carry it); kept RETENTION_DAYS. */
  setPersonZone(scope: Scope, userId: string, zone: string): Promise<void>;
  getPersonZone(scope: Scope, userId: string): Promise<string | undefined>;
  /** Claims a nudge for one send attempt, for `leaseMs` (see NudgeClaim). */
  claimNudge(scope: Scope, key: NudgeKey, leaseMs: number): Promise<NudgeClaim>;
  /** Records that the nudge went out (or never can: a permanent failure), so no retry sends it. */
  finishNudge(scope: Scope, key: NudgeKey): Promise<void>;
  /**
   * Ends a claim's lease after a failed send: the next attempt finds it as `retry` at once and asks
   * the platform whether the message arrived after all before it sends again.
   */
  releaseNudge(scope: Scope, key: NudgeKey): Promise<void>;
}
