import type { Scope } from '../../domain/poll.js';

export interface TeamsPolicy {
  /** Lower-case tenant ids; undefined accepts any tenant (the start-up log says so). */
  allowedTenants?: string[];
  /** Local mode: unauthenticated, so only loopback clients and service URLs are accepted. */
  local: boolean;
}

export type IdentityVerdict = { ok: true; scope: Scope } | { ok: false; reason: 'channel' | 'tenant' | 'service_url' };

interface ActivityShape {
  channelId?: unknown;
  serviceUrl?: unknown;
  conversation?: { tenantId?: unknown };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for an http(s) URL on this machine. */
export function isLoopbackUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK.has(u.hostname);
  } catch {
    return false;
  }
}

/**
 * The one function that decides the scope of a Teams activity: it must come from Teams
 * (`channelId` msteams), its tenant is `conversation.tenantId` and must be allowed, and in local
 * mode its service URL must be on this machine (we would send our replies there).
 */
export function teamsScope(activity: unknown, policy: TeamsPolicy): IdentityVerdict {
  const a = (typeof activity === 'object' && activity !== null ? activity : {}) as ActivityShape;
  if (a.channelId !== 'msteams') return { ok: false, reason: 'channel' };
  const tenant = typeof a.conversation?.tenantId === 'string' ? a.conversation.tenantId.trim().toLowerCase() : '';
  if (tenant === '' || tenant.length > 128) return { ok: false, reason: 'tenant' };
  if (policy.allowedTenants && !policy.allowedTenants.includes(tenant)) return { ok: false, reason: 'tenant' };
  if (policy.local && !isLoopbackUrl(a.serviceUrl)) return { ok: false, reason: 'service_url' };
  return { ok: true, scope: { platform: 'teams', tenant } };
}
