import type { Scope } from '../domain/poll.js';

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

export function conversationKey(scope: Scope, conversationId: string): string {
  return `${scopePrefix(scope)}:conversation:${conversationId}`;
}

/** The conversations (channels) of one Teams team, so uninstalling from the team finds them all. */
export function teamConversationsKey(scope: Scope, teamId: string): string {
  return `${scopePrefix(scope)}:team:${teamId}:conversations`;
}

/** Global (not per scope): used for request replay protection before the scope is known. */
export function replayKey(kind: string, id: string): string {
  return `ws:replay:${kind}:${id}`;
}
