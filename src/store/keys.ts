import { createHash } from 'node:crypto';
import type { Scope } from '../domain/poll.js';

/**
 * Redis key layout. Everything is namespaced per Slack workspace / Teams tenant, and the keys of
 * one poll share a `{...}` hash tag so a Lua script touching them works on Redis Cluster too.
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

export function onceKey(scope: Scope, kind: string, id: string): string {
  return `${scopePrefix(scope)}:once:${kind}:${id}`;
}

/** Hashed so that no user id is kept in the clear, not even beside a poll's voting window. */
export function userLocaleKey(scope: Scope, userId: string): string {
  return `${scopePrefix(scope)}:user-locale:${createHash('sha256').update(userId).digest('base64url')}`;
}

export function conversationKey(scope: Scope, conversationId: string): string {
  return `${scopePrefix(scope)}:conversation:${conversationId}`;
}

/** Global (not per scope): used for request replay protection before the scope is known. */
export function replayKey(kind: string, id: string): string {
  return `ws:replay:${kind}:${id}`;
}
