import { z } from 'zod';
import { CollabIdSchema, sheetIds, type SheetId } from '../domain/collaboration.js';
import { PollIdSchema, type Scope } from '../domain/poll.js';

/** Shared cards of a collaboration that follow stored state and are refreshed in place: its root, decision and sheets. */
export type CollabCardName = 'root' | 'decision' | SheetId;

/**
 * A live card is a shared card whose content follows stored state: a poll, a collaboration's
 * root card, its step cards and its decision card. Each has an id that names its refresh mark
 * and that refresh jobs carry (ids only, never content).
 */
export type LiveCard = { kind: 'poll'; pollId: string } | { kind: 'collab'; collabId: string; name: CollabCardName };

const CardNameSchema = z.enum(['root', 'decision', ...sheetIds]);

export function liveCardId(card: LiveCard): string {
  return card.kind === 'poll' ? `poll:${card.pollId}` : `c:${card.collabId}:${card.name}`;
}

/** Reads a live card id from a job payload; undefined for anything that is not one. */
export function parseLiveCardId(id: string): LiveCard | undefined {
  const [kind, a, b, extra] = id.split(':');
  if (extra !== undefined) return undefined;
  if (kind === 'poll' && b === undefined && PollIdSchema.safeParse(a).success) return { kind: 'poll', pollId: a! };
  const name = CardNameSchema.safeParse(b);
  if (kind === 'c' && CollabIdSchema.safeParse(a).success && name.success) return { kind: 'collab', collabId: a!, name: name.data };
  return undefined;
}

export const LiveCardIdSchema = z.string().max(64).refine((id) => parseLiveCardId(id) !== undefined);

/** Scope and card of a refresh: what a refresh job carries. */
export interface LiveCardTarget {
  scope: Scope;
  card: LiveCard;
}
