import { isAppError } from '../../domain/errors.js';
import { replayKey } from '../../store/keys.js';
import type { RedisKvStore } from '../../store/kv-store.js';
import { MAX_CLOCK_SKEW_SECONDS } from './verify-request.js';

/**
 * Refuses a signed request seen before. A signature is valid for the clock-skew window on either
 * side, so it is remembered for twice that. When Redis is down, an in-process memory keeps the
 * guard up so the user still gets a polite "try again" instead of an open door.
 */
export class ReplayGuard {
  private readonly memory = new Map<string, number>();
  private readonly ttlSeconds = 2 * MAX_CLOCK_SKEW_SECONDS + 60;

  constructor(
    private readonly kv: RedisKvStore,
    private readonly nowSeconds: () => number,
  ) {}

  /** True the first time a signature is seen. */
  async firstSeen(signature: string): Promise<boolean> {
    const now = this.nowSeconds();
    if ((this.memory.get(signature) ?? 0) > now) return false;
    this.remember(signature, now);
    try {
      return await this.kv.claim(replayKey('slack', signature), this.ttlSeconds);
    } catch (err) {
      if (isAppError(err, 'store_unavailable')) return true;
      throw err;
    }
  }

  private remember(signature: string, now: number): void {
    if (this.memory.size > 50_000) {
      for (const [sig, until] of this.memory) if (until <= now) this.memory.delete(sig);
    }
    this.memory.set(signature, now + this.ttlSeconds);
  }
}
