import type { Redis } from 'ioredis';
import { RegisterEntrySchema, type RegisterEntry, type RegisterStore } from '../app/register-ports.js';
import type { Scope } from '../domain/poll.js';
import { scopePrefix } from './keys.js';
import type { ScopeIndex } from './scope-index.js';
import { asStoreError } from './store-errors.js';

export const registerKey = (scope: Scope): string => `${scopePrefix(scope)}:register`;

/** Lower case without accents, so "Académie" finds "academie". */
export const foldName = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The register as one hash per scope (collaboration id -> entry). It lives RETENTION_DAYS after
 * its last change and is in the scope's index, so removing the workspace removes it.
 */
export class RedisRegisterStore implements RegisterStore {
  constructor(
    private readonly redis: Redis,
    private readonly index: ScopeIndex,
    private readonly retentionMs: number,
    private readonly now: () => number,
  ) {}

  async put(scope: Scope, collabId: string, entry: RegisterEntry): Promise<void> {
    const key = registerKey(scope);
    const expiresAt = this.now() + this.retentionMs;
    await this.index.add(scope, [{ key, expiresAt }]);
    await asStoreError(this.redis.multi().hset(key, collabId, JSON.stringify(RegisterEntrySchema.parse(entry))).pexpireat(key, expiresAt).exec());
  }

  async remove(scope: Scope, collabId: string): Promise<void> {
    await asStoreError(this.redis.hdel(registerKey(scope), collabId));
  }

  async search(scope: Scope, query: string): Promise<RegisterEntry[]> {
    const wanted = foldName(query);
    const all = await asStoreError(this.redis.hvals(registerKey(scope)));
    return all
      .map((raw) => RegisterEntrySchema.safeParse(JSON.parse(raw)))
      .flatMap((p) => (p.success ? [p.data] : []))
      .filter((e) => foldName(e.organisation).includes(wanted))
      .sort((a, b) => b.at - a.at);
  }
}
