import type { Redis } from 'ioredis';
import { AppError } from '../domain/errors.js';
import {
  CollaborationSchema,
  DecisionSchema,
  TemperatureRecordSchema,
  type AnswerSet,
  type Collaboration,
  type Decision,
  type SheetId,
  type TemperatureRecord,
} from '../domain/collaboration.js';
import type { Scope } from '../domain/poll.js';
import { CardRefSchema, PlaceSchema, type CardRef, type Place, type RefreshTiming } from '../app/ports.js';
import type { CollabCardName, CollabRecord, CollabStore, Marked } from '../app/collab-ports.js';
import { channelCollabsKey, collabKeyList, collabKeys, keyHash, threadKey } from './keys.js';
import { compareAndSetScript, delayOf, markScript, packAnswerSet, parseHistory, saveAnswersScript, touchScript, unpackAnswerSet, unwrap } from './collab-scripts.js';
import type { ScopeIndex } from './scope-index.js';
import { asStoreError } from './store-errors.js';

/** Older answer versions kept per collaboration; enough for any real meeting, bounded for memory. */
export const HISTORY_MAX = 1000;
const TOUCH_EVERY_MS = 10 * 60 * 1000;
const TOUCHED_MAX = 10_000;
/** A compare-and-set only fails because another change landed; with jitter, a burst of edits all land. */
const UPDATE_ATTEMPTS = 50;
const jitter = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 9));

/** Thread and channel keys come from the platform; hashed so key names stay short and uniform. */
export { keyHash };

/**
 * The collaboration store on Redis. One collaboration's keys share a hash tag; every write renews
 * their lifetime (RETENTION_DAYS after the last change) and lists them in the workspace's index.
 */
export class RedisCollabStore implements CollabStore {
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly redis: Redis,
    private readonly index: ScopeIndex,
    private readonly retentionMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * Renews the collaboration's lifetime at most once per TOUCH_EVERY_MS per process: a burst of
   * answers would otherwise renew 17 keys and their index entries on every single one. The
   * answer script gives what it writes the collaboration's current lifetime, so nothing is left
   * without one meanwhile.
   */
  private async touchSoon(scope: Scope, id: string): Promise<void> {
    const key = `${scope.platform}:${scope.tenant}:${id}`;
    const last = this.touched.get(key);
    if (last !== undefined && this.now() - last < TOUCH_EVERY_MS) return;
    if (this.touched.size >= TOUCHED_MAX) this.touched.clear();
    this.touched.set(key, this.now());
    await this.touch(scope, id);
  }

  /** Renews every key of the collaboration, plus the extra keys outside its hash tag. */
  private async touch(scope: Scope, id: string, extra: string[] = []): Promise<void> {
    const keys = collabKeyList(scope, id);
    const expiresAt = this.now() + this.retentionMs;
    await this.index.add(scope, [...keys, ...extra].map((key) => ({ key, expiresAt })));
    await asStoreError(touchScript.run(this.redis, keys, [this.retentionMs]));
    for (const key of extra) await asStoreError(this.redis.pexpire(key, this.retentionMs));
  }

  async create(collab: Collaboration, channelKey: string): Promise<void> {
    const data = JSON.stringify(CollaborationSchema.parse(collab));
    const k = collabKeys(collab.scope, collab.id);
    const channel = channelCollabsKey(collab.scope, keyHash(channelKey));
    // Indexed first, and every write carries its lifetime: an interrupted start leaves no key
    // without one. The other keys get theirs when first written (see touch and the scripts).
    await this.index.add(collab.scope, [...collabKeyList(collab.scope, collab.id), channel].map((key) => ({ key, expiresAt: this.now() + this.retentionMs })));
    await asStoreError(this.redis.multi().hset(k.meta, { data, v: '1', channel: keyHash(channelKey) }).pexpire(k.meta, this.retentionMs).exec());
    await asStoreError(this.redis.multi().zadd(channel, collab.createdAt, collab.id).pexpire(channel, this.retentionMs).exec());
  }

  async setRoot(scope: Scope, id: string, root: CardRef, thread: Place): Promise<void> {
    const k = collabKeys(scope, id);
    if (!(await asStoreError(this.redis.exists(k.meta)))) throw new AppError('collab_not_found');
    await asStoreError(this.redis.hset(k.meta, { root: JSON.stringify(root), thread: JSON.stringify(thread) }));
    // A chat without threads has no thread key: commands there find the collaboration by channel.
    if (!thread.thread) return this.touch(scope, id);
    const mapped = threadKey(scope, keyHash(thread.thread));
    await asStoreError(this.redis.hset(k.meta, 'threadKey', mapped));
    await asStoreError(this.redis.set(mapped, id, 'PX', this.retentionMs));
    await this.touch(scope, id, [mapped]);
  }

  async get(scope: Scope, id: string): Promise<CollabRecord | undefined> {
    const m = await asStoreError(this.redis.hmget(collabKeys(scope, id).meta, 'data', 'root', 'thread'));
    if (!m[0]) return undefined;
    const collab = CollaborationSchema.parse(JSON.parse(m[0]));
    // The id comes from a payload: a record stored under another scope is never returned.
    if (collab.scope.platform !== scope.platform || collab.scope.tenant !== scope.tenant || collab.id !== id) return undefined;
    return {
      collab,
      root: m[1] ? CardRefSchema.parse(JSON.parse(m[1])) : undefined,
      thread: m[2] ? PlaceSchema.parse(JSON.parse(m[2])) : undefined,
    };
  }

  async update(scope: Scope, id: string, change: (c: Collaboration) => Collaboration): Promise<Collaboration> {
    const k = collabKeys(scope, id);
    for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
      const [data, v] = await asStoreError(this.redis.hmget(k.meta, 'data', 'v'));
      if (!data) throw new AppError('collab_not_found');
      const next = CollaborationSchema.parse(change(CollaborationSchema.parse(JSON.parse(data))));
      const ok = Number(await asStoreError(compareAndSetScript.run(this.redis, [k.meta], [v ?? '0', JSON.stringify(next)])));
      if (ok < 0) throw new AppError('collab_not_found');
      if (ok === 1) {
        await this.touch(scope, id);
        return next;
      }
      await jitter();
    }
    throw new AppError('store_unavailable', 'collaboration changed too often at once');
  }

  async findByThread(scope: Scope, thread: string): Promise<string | undefined> {
    return (await asStoreError(this.redis.get(threadKey(scope, keyHash(thread))))) ?? undefined;
  }

  async listByChannel(scope: Scope, channelKey: string): Promise<string[]> {
    const key = channelCollabsKey(scope, keyHash(channelKey));
    const ids = await asStoreError(this.redis.zrange(key, '0', '-1'));
    // Drop ids whose collaboration ran out of its lifetime.
    const alive = await Promise.all(ids.map(async (id) => ((await asStoreError(this.redis.exists(collabKeys(scope, id).meta))) ? id : undefined)));
    const gone = ids.filter((_, i) => !alive[i]);
    if (gone.length > 0) await asStoreError(this.redis.zrem(key, ...gone));
    return alive.filter((id): id is string => Boolean(id));
  }

  async saveAnswers(scope: Scope, id: string, sheet: SheetId, set: AnswerSet, timing: RefreshTiming): Promise<Marked & { answered: number }> {
    return this.writeAnswer(scope, id, sheet, set.item ?? set.by.id, packAnswerSet(set), timing);
  }

  async removeEntry(scope: Scope, id: string, sheet: SheetId, item: string, timing: RefreshTiming): Promise<Marked & { answered: number }> {
    return this.writeAnswer(scope, id, sheet, item, '', timing);
  }

  /** Replaces (or with an empty value removes) one field of a sheet's answers; the old value goes to the history. */
  private async writeAnswer(scope: Scope, id: string, sheet: SheetId, field: string, packed: Buffer | string, timing: RefreshTiming): Promise<Marked & { answered: number }> {
    const k = collabKeys(scope, id);
    const reply = unwrap(
      await asStoreError(
        saveAnswersScript.run(
          this.redis,
          [k.meta, k.answers(sheet), k.history, k.refresh(sheet)],
          [field, packed, HISTORY_MAX, timing.minIntervalMs, timing.pendingTtlMs, sheet],
        ),
      ),
    );
    await this.touchSoon(scope, id);
    return { answered: Number(reply[0]), refreshDelayMs: delayOf(reply[1]) };
  }

  async getAnswers(scope: Scope, id: string, sheet: SheetId): Promise<AnswerSet[]> {
    const all = await asStoreError(this.redis.hgetallBuffer(collabKeys(scope, id).answers(sheet)));
    return Object.values(all)
      .map(unpackAnswerSet)
      .sort((a, b) => a.at - b.at);
  }

  async getHistory(scope: Scope, id: string): Promise<{ sheet: SheetId; set: AnswerSet }[]> {
    return (await asStoreError(this.redis.lrangeBuffer(collabKeys(scope, id).history, 0, -1))).map(parseHistory);
  }

  async answeredCount(scope: Scope, id: string, sheet: SheetId): Promise<number> {
    return asStoreError(this.redis.hlen(collabKeys(scope, id).answers(sheet)));
  }

  async appendDecision(scope: Scope, id: string, decision: Decision): Promise<void> {
    await this.append(scope, id, collabKeys(scope, id).decisions, JSON.stringify(DecisionSchema.parse(decision)));
  }

  async getDecisions(scope: Scope, id: string): Promise<Decision[]> {
    return (await asStoreError(this.redis.lrange(collabKeys(scope, id).decisions, 0, -1))).map((raw) => DecisionSchema.parse(JSON.parse(raw)));
  }

  async appendTemperature(scope: Scope, id: string, record: TemperatureRecord): Promise<void> {
    // Keyed by poll: recording the same poll again (a retried close) changes nothing.
    const value = JSON.stringify(TemperatureRecordSchema.parse(record));
    await this.whileExists(scope, id, () => this.redis.hsetnx(collabKeys(scope, id).temperatures, record.pollId, value));
  }

  async getTemperatures(scope: Scope, id: string): Promise<TemperatureRecord[]> {
    const all = await asStoreError(this.redis.hvals(collabKeys(scope, id).temperatures));
    return all.map((raw) => TemperatureRecordSchema.parse(JSON.parse(raw))).sort((a, b) => a.closedAt - b.closedAt);
  }

  private async append(scope: Scope, id: string, key: string, value: string): Promise<void> {
    await this.whileExists(scope, id, () => this.redis.rpush(key, value));
  }

  /** Runs a write only while the collaboration exists, so a forgotten one is not brought back in part. */
  private async whileExists(scope: Scope, id: string, write: () => Promise<unknown>): Promise<void> {
    if (!(await asStoreError(this.redis.exists(collabKeys(scope, id).meta)))) throw new AppError('collab_not_found');
    await asStoreError(write());
    await this.touch(scope, id);
  }

  async addPoll(scope: Scope, id: string, pollId: string): Promise<void> {
    await this.whileExists(scope, id, () => this.redis.sadd(collabKeys(scope, id).polls, pollId));
  }

  async getPolls(scope: Scope, id: string): Promise<string[]> {
    return asStoreError(this.redis.smembers(collabKeys(scope, id).polls));
  }

  async addItem(scope: Scope, id: string, itemId: string, text: string): Promise<void> {
    await this.whileExists(scope, id, () => this.redis.hset(collabKeys(scope, id).items, itemId, text));
  }

  async getItems(scope: Scope, id: string): Promise<Record<string, string>> {
    return asStoreError(this.redis.hgetall(collabKeys(scope, id).items));
  }

  async setCard(scope: Scope, id: string, name: CollabCardName, ref: CardRef): Promise<void> {
    await this.whileExists(scope, id, () => this.redis.hset(collabKeys(scope, id).cards, name, JSON.stringify(ref)));
  }

  async getCard(scope: Scope, id: string, name: CollabCardName): Promise<CardRef | undefined> {
    const raw = await asStoreError(this.redis.hget(collabKeys(scope, id).cards, name));
    return raw ? CardRefSchema.parse(JSON.parse(raw)) : undefined;
  }

  async markRefresh(scope: Scope, id: string, name: CollabCardName, timing: RefreshTiming): Promise<Marked> {
    const k = collabKeys(scope, id);
    const reply = unwrap(await asStoreError(markScript.run(this.redis, [k.meta, k.refresh(name)], [timing.minIntervalMs, timing.pendingTtlMs])));
    return { refreshDelayMs: delayOf(reply[0]) };
  }

  async addLink(scope: Scope, id: string, linkId: string): Promise<void> {
    await this.whileExists(scope, id, () => this.redis.sadd(collabKeys(scope, id).links, linkId));
  }

  async getLinks(scope: Scope, id: string): Promise<string[]> {
    return asStoreError(this.redis.smembers(collabKeys(scope, id).links));
  }

  async delete(scope: Scope, id: string): Promise<void> {
    const k = collabKeys(scope, id);
    const [channel, mapped] = await asStoreError(this.redis.hmget(k.meta, 'channel', 'threadKey'));
    const keys = collabKeyList(scope, id);
    await asStoreError(this.redis.unlink(...keys));
    if (mapped) await asStoreError(this.redis.unlink(mapped));
    await this.index.remove(scope, mapped ? [...keys, mapped] : keys);
    if (channel) await asStoreError(this.redis.zrem(channelCollabsKey(scope, channel), id));
  }
}
