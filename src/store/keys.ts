import { createHash } from 'node:crypto';
import type { Scope } from '../domain/poll.js';
import type { LiveCard } from '../app/live-cards.js';
import { sheetIds, type SheetId } from '../domain/collaboration.js';

/**
 * Redis key layout. Everything of a Slack workspace / Teams tenant starts with its scope prefix
 * and is listed in the scope's index (see scope-index.ts), and the keys of one poll share a
 * `{...}` hash tag so the scripts that touch them stay within one hash slot.
 */
export function scopePrefix(scope: Scope): string {
  return `ws:${scope.platform}:${scope.tenant}`;
}

export function pollKeys(scope: Scope, pollId: string) {
  const base = `${scopePrefix(scope)}:poll:{${scope.platform}:${scope.tenant}:${pollId}}`;
  return {
    meta: `${base}:meta`,
    votes: `${base}:votes`,
    counts: `${base}:counts`,
    names: `${base}:names`,
    refresh: `${base}:refresh`,
  };
}

/** All keys of one poll, in the order the scripts take them. */
export function pollKeyList(scope: Scope, pollId: string): string[] {
  const k = pollKeys(scope, pollId);
  return [k.meta, k.votes, k.counts, k.names, k.refresh];
}

/** The sorted set listing every key of a scope, scored by when the key expires. */
export function indexKey(scope: Scope): string {
  return `${scopePrefix(scope)}:index`;
}

export function onceKey(scope: Scope, kind: string, id: string): string {
  return `${scopePrefix(scope)}:once:${kind}:${id}`;
}

/** A small per-person value; `pseudonym` is keyed with the server secret, never a raw user id. */
export function personKey(scope: Scope, purpose: string, pseudonym: string): string {
  return `${scopePrefix(scope)}:person:${purpose}:${pseudonym}`;
}

/** A short, stable stand-in for an id that must not appear in key names itself. */
export const keyHash = (value: string): string => createHash('sha256').update(value).digest('base64url').slice(0, 22);

/** Hashed: a personal chat's id stands for one person. */
export function conversationKey(scope: Scope, conversationId: string): string {
  return `${scopePrefix(scope)}:conversation:${keyHash(conversationId)}`;
}

/** The conversations (channels) of one Teams team, so uninstalling from the team finds them all. */
export function teamConversationsKey(scope: Scope, teamId: string): string {
  return `${scopePrefix(scope)}:team:${teamId}:conversations`;
}

/** Global (not per scope): used for request replay protection before the scope is known. */
export function replayKey(kind: string, id: string): string {
  return `ws:replay:${kind}:${id}`;
}

/** Keys of one collaboration; they share a hash tag so scripts and transactions stay in one slot. */
export function collabKeys(scope: Scope, collabId: string) {
  const base = `${scopePrefix(scope)}:collab:{${scope.platform}:${scope.tenant}:${collabId}}`;
  return {
    meta: `${base}:meta`,
    /** Per sheet (step or reminder): member id -> packed answer set. One hash per sheet keeps HLEN the answered count. */
    answers: (sheet: SheetId) => `${base}:answers:${sheet}`,
    history: `${base}:history`,
    decisions: `${base}:decisions`,
    temperatures: `${base}:temperatures`,
    cards: `${base}:cards`,
    items: `${base}:items`,
    polls: `${base}:polls`,
    links: `${base}:links`,
    /** Follow-up id -> the item as JSON. */
    followUps: `${base}:followups`,
    refresh: (card: string) => `${base}:refresh:${card}`,
  };
}

/** Every key of one collaboration (refresh keys of each live card included). */
export function collabKeyList(scope: Scope, collabId: string): string[] {
  const k = collabKeys(scope, collabId);
  return [
    k.meta,
    ...sheetIds.map((sheet) => k.answers(sheet)),
    k.history,
    k.decisions,
    k.temperatures,
    k.cards,
    k.items,
    k.polls,
    k.links,
    k.followUps,
    ...['root', 'decision', ...sheetIds].map((c) => k.refresh(c)),
  ];
}

/** Thread -> collaboration id. `threadHash` is a digest of the platform's thread key. */
export function threadKey(scope: Scope, threadHash: string): string {
  return `${scopePrefix(scope)}:thread:${threadHash}`;
}

/** The collaborations started in one channel or chat (a sorted set scored by start time). */
export function channelCollabsKey(scope: Scope, channelHash: string): string {
  return `${scopePrefix(scope)}:channel:${channelHash}:collabs`;
}

/** The refresh mark of a live card and the key whose existence says the card's owner still exists. */
export function liveCardKeys(scope: Scope, card: LiveCard): { refresh: string; owner: string } {
  if (card.kind === 'poll') {
    const k = pollKeys(scope, card.pollId);
    return { refresh: k.refresh, owner: k.meta };
  }
  const k = collabKeys(scope, card.collabId);
  return { refresh: k.refresh(card.name), owner: k.meta };
}

/** The record that one nudge (item or collaboration, kind, due moment, person) went out. */
export function nudgeKey(scope: Scope, id: string): string {
  return `${scopePrefix(scope)}:nudge:${id}`;
}
