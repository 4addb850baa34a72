import type { Redis } from 'ioredis';
import { DossierLinkSchema, type DossierLink, type DossierLinkStore } from '../app/dossier-ports.js';
import type { Scope } from '../domain/poll.js';
import type { ScopeIndex } from './scope-index.js';
import { asStoreError } from './store-errors.js';

/**
 * Links are looked up before their workspace is known (the link is all a browser brings), so
 * their keys are global; each is still listed in its workspace's index, so deleting the
 * workspace revokes its links too.
 */
export const linkKey = (linkId: string): string => `ws:link:${linkId}`;

export class RedisDossierLinks implements DossierLinkStore {
  constructor(
    private readonly redis: Redis,
    private readonly index: ScopeIndex,
  ) {}

  async put(linkId: string, link: DossierLink): Promise<void> {
    await this.index.add(link.scope, [{ key: linkKey(linkId), expiresAt: link.expiresAt }]);
    await asStoreError(this.redis.set(linkKey(linkId), JSON.stringify(DossierLinkSchema.parse(link)), 'PXAT', link.expiresAt));
  }

  async get(linkId: string): Promise<DossierLink | undefined> {
    const raw = await asStoreError(this.redis.get(linkKey(linkId)));
    if (!raw) return undefined;
    const parsed = DossierLinkSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  }

  async revoke(scope: Scope, linkIds: string[]): Promise<void> {
    if (linkIds.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const id of linkIds) pipeline.unlink(linkKey(id));
    await asStoreError(pipeline.exec());
    await this.index.remove(scope, linkIds.map(linkKey));
  }
}
