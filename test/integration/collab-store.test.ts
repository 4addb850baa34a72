import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisCollabStore, keyHash } from '../../src/store/redis-collab-store.js';
import { ScopeIndex } from '../../src/store/scope-index.js';
import { channelCollabsKey, collabKeyList, collabKeys, indexKey, threadKey } from '../../src/store/keys.js';
import { isAppError } from '../../src/domain/errors.js';
import type { AnswerSet, Collaboration, Decision, TemperatureRecord } from '../../src/domain/collaboration.js';
import type { Scope } from '../../src/domain/poll.js';
import type { CardRef, Place, RefreshTiming } from '../../src/app/ports.js';
import { startRedis, type RedisServerHandle } from '../support/redis-server.js';

let redis: RedisServerHandle;
const clients: Redis[] = [];
beforeAll(async () => {
  redis = await startRedis();
  for (let i = 0; i < 8; i++) clients.push(new Redis(redis.url));
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await redis?.stop();
});

const DAY = 24 * 3600_000;
const retentionMs = 30 * DAY;
const T: RefreshTiming = { minIntervalMs: 100, pendingTtlMs: 15_000, leaseMs: 30_000 };
const slack = (tenant: string): Scope => ({ platform: 'slack', tenant });
const storeOn = (c: Redis): RedisCollabStore => new RedisCollabStore(c, new ScopeIndex(c), retentionMs, () => Date.now());
const db = (): Redis => clients[0]!;
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (isAppError(e) ? e.code : `other: ${String(e)}`));

/** Every key matching `pattern`, by SCAN (never KEYS on a shared server). */
async function scanKeys(pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await db().scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys.sort();
}

/** Redis Cluster's hash slot of a key (CRC16/XMODEM of its hash tag, or of the whole key, mod 16384). */
function keySlot(key: string): number {
  const open = key.indexOf('{');
  const close = open >= 0 ? key.indexOf('}', open + 1) : -1;
  const hashed = open >= 0 && close > open + 1 ? key.slice(open + 1, close) : key;
  let crc = 0;
  for (const byte of Buffer.from(hashed, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}

let n = 0;
const newId = (): string => `collab${String(++n).padStart(8, '0')}`;

function newCollab(scope: Scope, over: Partial<Collaboration> = {}): Collaboration {
  return {
    id: newId(),
    scope,
    title: 'Samen sterker',
    issue: '',
    locale: 'nl',
    step: 1,
    stage: 'steps',
    facilitator: { id: 'UFACI', name: 'Fatima' },
    coordinators: [],
    createdAt: Date.now(),
    ...over,
  };
}

async function created(store: RedisCollabStore, scope: Scope, channel = 'C-main', over: Partial<Collaboration> = {}): Promise<Collaboration> {
  const collab = newCollab(scope, over);
  await store.create(collab, channel);
  return collab;
}

const answers = (by: string, at: number, text: string): AnswerSet => ({ by: { id: by, name: by.toLowerCase() }, at, values: { q1: text } });
const decision = (id: string, at: number, outcome: 'go' | 'nogo' = 'go'): Decision => ({
  id,
  outcome,
  rationale: `because ${id}`,
  withWhom: 'team',
  by: { id: 'UFACI' },
  at,
});
const temperature = (pollId: string, closedAt: number, veel = 1): TemperatureRecord => ({
  pollId,
  counts: { veel, gemixt: 0, weinig: 0 },
  voters: veel,
  level: 'veel',
  closedAt,
});
const rootRef = (ts: string): CardRef => ({ platform: 'slack', ref: `C-main:${ts}` });
const threadPlace = (ts: string): Place => ({ platform: 'slack', ref: `C-main:${ts}`, channel: 'C-main', thread: `C-main:${ts}` });

describe('RedisCollabStore: records and scopes', () => {
  it('round-trips a collaboration and never returns it for another tenant or platform', async () => {
    const scope = slack('T-roundtrip');
    const store = storeOn(db());
    const collab = await created(store, scope, 'C-main', { form: 'netwerk', coordinators: [{ id: 'U2', name: 'Bram' }], opvolger: { id: 'U3' } });
    const record = await store.get(scope, collab.id);
    expect(record).toEqual({ collab, root: undefined, thread: undefined });
    expect(await store.get(slack('T-other'), collab.id)).toBeUndefined();
    expect(await store.get({ platform: 'teams', tenant: 'T-roundtrip' }, collab.id)).toBeUndefined();
    expect(await store.get(scope, 'collabUnknown00')).toBeUndefined();
  });

  it('refuses to store a collaboration the schema rejects, and stores nothing of it', async () => {
    const scope = slack('T-invalid');
    const store = storeOn(db());
    const bad = newCollab(scope, { title: '' });
    await expect(store.create(bad, 'C-main')).rejects.toThrow();
    expect(await scanKeys(`*${bad.id}*`)).toEqual([]);
    expect(await store.get(scope, bad.id)).toBeUndefined();
  });

  it('stores the root card and thread, and maps only a real thread to the collaboration', async () => {
    const scope = slack('T-root');
    const store = storeOn(db());
    const threaded = await created(store, scope);
    await store.setRoot(scope, threaded.id, rootRef('111.1'), threadPlace('111.1'));
    expect(await store.get(scope, threaded.id)).toEqual({ collab: threaded, root: rootRef('111.1'), thread: threadPlace('111.1') });
    expect(await store.findByThread(scope, 'C-main:111.1')).toBe(threaded.id);
    expect(await db().get(threadKey(scope, keyHash('C-main:111.1')))).toBe(threaded.id);
    // The thread key is per scope: the same thread id in another workspace maps nothing.
    expect(await store.findByThread(slack('T-other'), 'C-main:111.1')).toBeUndefined();
    expect(await store.findByThread(scope, 'C-main:999.9')).toBeUndefined();

    // A group chat has no threads: the root is stored, but no thread key is written.
    const chat = await created(store, scope, 'chat-1');
    const chatPlace: Place = { platform: 'slack', ref: 'chat-1', channel: 'chat-1' };
    const threadKeysBefore = await scanKeys(`ws:slack:${scope.tenant}:thread:*`);
    await store.setRoot(scope, chat.id, rootRef('222.2'), chatPlace);
    expect((await store.get(scope, chat.id))!).toMatchObject({ root: rootRef('222.2'), thread: chatPlace });
    expect(await scanKeys(`ws:slack:${scope.tenant}:thread:*`)).toEqual(threadKeysBefore);
    expect(await db().hget(collabKeys(scope, chat.id).meta, 'threadKey')).toBeNull();
    expect(await store.findByThread(scope, 'chat-1')).toBeUndefined();

    expect(await codeOf(store.setRoot(scope, 'collabMissing00', rootRef('3.3'), threadPlace('3.3')))).toBe('collab_not_found');
    expect(await scanKeys('*collabMissing00*')).toEqual([]);
    expect(await store.findByThread(scope, 'C-main:3.3')).toBeUndefined();
  });

  it('lists a channel\'s collaborations oldest first and drops one whose meta key is gone', async () => {
    const scope = slack('T-list');
    const store = storeOn(db());
    const base = Date.now();
    // Created out of order: the list is ordered by createdAt, not by insertion.
    const middle = await created(store, scope, 'C-list', { createdAt: base + 20 });
    const oldest = await created(store, scope, 'C-list', { createdAt: base + 10 });
    const newest = await created(store, scope, 'C-list', { createdAt: base + 30 });
    const elsewhere = await created(store, scope, 'C-else', { createdAt: base });
    expect(await store.listByChannel(scope, 'C-list')).toEqual([oldest.id, middle.id, newest.id]);
    expect(await store.listByChannel(scope, 'C-else')).toEqual([elsewhere.id]);
    expect(await store.listByChannel(slack('T-other'), 'C-list')).toEqual([]);

    // The meta key ran out of its lifetime (simulated by deleting it).
    await db().del(collabKeys(scope, middle.id).meta);
    expect(await store.listByChannel(scope, 'C-list')).toEqual([oldest.id, newest.id]);
    // ...and the stale entry is removed from the channel's sorted set, not just hidden.
    expect(await db().zrange(channelCollabsKey(scope, keyHash('C-list')), '0', '-1')).toEqual([oldest.id, newest.id]);
  });
});

describe('RedisCollabStore: updates', () => {
  it('applies a change and returns the new value', async () => {
    const scope = slack('T-update');
    const store = storeOn(db());
    const collab = await created(store, scope);
    const next = await store.update(scope, collab.id, (c) => ({ ...c, step: 2, form: 'fusie', issue: 'Eenzaamheid' }));
    expect(next).toEqual({ ...collab, step: 2, form: 'fusie', issue: 'Eenzaamheid' });
    expect((await store.get(scope, collab.id))!.collab).toEqual(next);
    // A change the schema rejects is not written.
    await expect(store.update(scope, collab.id, (c) => ({ ...c, title: '' }))).rejects.toThrow();
    expect((await store.get(scope, collab.id))!.collab).toEqual(next);
  });

  it('lands every one of 20 concurrent updates from eight connections (compare-and-set retry)', async () => {
    const scope = slack('T-concurrent');
    const stores = clients.map(storeOn);
    const collab = await created(stores[0]!, scope);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => stores[i % 8]!.update(scope, collab.id, (c) => ({ ...c, issue: `${c.issue}[${i}]` }))),
    );
    const failed = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
    expect(failed).toEqual([]);
    const issue = (await stores[0]!.get(scope, collab.id))!.collab.issue;
    const marks = issue.match(/\[\d+\]/g) ?? [];
    expect(marks).toHaveLength(20);
    expect(new Set(marks).size).toBe(20);
  });

  it('lands eight concurrent coordinator additions from eight connections without losing one', async () => {
    // Each failed compare-and-set means another writer succeeded, so k concurrent writers need at
    // most k attempts: with 8 writers this holds even for the store's bounded retry.
    const scope = slack('T-coordinators');
    const stores = clients.map(storeOn);
    const collab = await created(stores[0]!, scope);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        stores[i % 8]!.update(scope, collab.id, (c) => ({ ...c, coordinators: [...c.coordinators, { id: `U${i}`, name: `coord ${i}` }] })),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const ids = (await stores[0]!.get(scope, collab.id))!.collab.coordinators.map((c) => c.id).sort();
    expect(ids).toEqual(Array.from({ length: 8 }, (_, i) => `U${i}`).sort());
  });

  it('refuses to update a missing collaboration and creates nothing', async () => {
    const scope = slack('T-update-missing');
    const store = storeOn(db());
    let called = false;
    expect(
      await codeOf(
        store.update(scope, 'collabMissing01', (c) => {
          called = true;
          return c;
        }),
      ),
    ).toBe('collab_not_found');
    expect(called).toBe(false);
    expect(await scanKeys('*collabMissing01*')).toEqual([]);
  });
});

describe('RedisCollabStore: answers', () => {
  it('counts distinct members, keeps each member\'s latest answers and moves earlier ones to the history with their step', async () => {
    const scope = slack('T-answers');
    const store = storeOn(db());
    const collab = await created(store, scope);
    const first = await store.saveAnswers(scope, collab.id, 'step1', answers('UA', 1, 'eerste'), T);
    expect(first.answered).toBe(1);
    expect(typeof first.refreshDelayMs).toBe('number');
    expect(first.refreshDelayMs).toBeGreaterThanOrEqual(0);
    expect(first.refreshDelayMs).toBeLessThanOrEqual(T.minIntervalMs);

    // The first mark is still pending: later saves schedule no new refresh job.
    const second = await store.saveAnswers(scope, collab.id, 'step1', answers('UB', 2, 'b'), T);
    expect(second).toEqual({ answered: 2, refreshDelayMs: undefined });
    const again = await store.saveAnswers(scope, collab.id, 'step1', answers('UA', 3, 'tweede'), T);
    expect(again).toEqual({ answered: 2, refreshDelayMs: undefined });
    expect(await store.answeredCount(scope, collab.id, 'step1')).toBe(2);

    expect(await store.getAnswers(scope, collab.id, 'step1')).toEqual([answers('UB', 2, 'b'), answers('UA', 3, 'tweede')]);
    // Another step has its own answers and its own refresh mark.
    const step2 = await store.saveAnswers(scope, collab.id, 'step2', answers('UA', 4, 'stap twee'), T);
    expect(step2.answered).toBe(1);
    expect(typeof step2.refreshDelayMs).toBe('number');
    expect(await store.getAnswers(scope, collab.id, 'step2')).toEqual([answers('UA', 4, 'stap twee')]);
    expect(await store.answeredCount(scope, collab.id, 'step3')).toBe(0);

    // Replace UA's step-2 answers too, so the history holds versions of two steps.
    await store.saveAnswers(scope, collab.id, 'step2', answers('UA', 5, 'stap twee bis'), T);
    expect(await store.getHistory(scope, collab.id)).toEqual([
      { sheet: 'step1', set: answers('UA', 1, 'eerste') },
      { sheet: 'step2', set: answers('UA', 4, 'stap twee') },
    ]);
  });

  it('schedules a new refresh once the pending mark is older than pendingTtl', async () => {
    const scope = slack('T-answers-mark');
    const store = storeOn(db());
    const collab = await created(store, scope);
    expect((await store.saveAnswers(scope, collab.id, 'step3', answers('UA', 1, 'x'), T)).refreshDelayMs).toBeTypeOf('number');
    expect((await store.saveAnswers(scope, collab.id, 'step3', answers('UB', 2, 'y'), T)).refreshDelayMs).toBeUndefined();
    const refresh = collabKeys(scope, collab.id).refresh('step3');
    const [s, us] = await db().time();
    const redisNow = Number(s) * 1000 + Math.floor(Number(us) / 1000);
    await db().hset(refresh, 'pending', String(redisNow - T.pendingTtlMs - 1));
    expect((await store.saveAnswers(scope, collab.id, 'step3', answers('UC', 3, 'z'), T)).refreshDelayMs).toBeTypeOf('number');
  });

  it('refuses answers for a missing collaboration and creates no key', async () => {
    const scope = slack('T-answers-missing');
    const store = storeOn(db());
    expect(await codeOf(store.saveAnswers(scope, 'collabMissing02', 'step1', answers('UA', 1, 'x'), T))).toBe('collab_not_found');
    expect(await scanKeys('*collabMissing02*')).toEqual([]);
    expect(await scanKeys(`ws:slack:${scope.tenant}:*`)).toEqual([]);

    // Also after the collaboration was deleted: its answers are not brought back.
    const collab = await created(store, scope);
    await store.delete(scope, collab.id);
    expect(await codeOf(store.saveAnswers(scope, collab.id, 'step1', answers('UA', 1, 'x'), T))).toBe('collab_not_found');
    expect(await scanKeys(`*${collab.id}*`)).toEqual([]);
  });
});

describe('RedisCollabStore: decisions, temperatures, polls, items, cards, links', () => {
  it('appends decisions in order and never edits one', async () => {
    const scope = slack('T-decisions');
    const store = storeOn(db());
    const collab = await created(store, scope);
    expect(await store.getDecisions(scope, collab.id)).toEqual([]);
    await store.appendDecision(scope, collab.id, decision('dec001', 30, 'go'));
    await store.appendDecision(scope, collab.id, decision('dec002', 10, 'nogo'));
    await store.appendDecision(scope, collab.id, decision('dec001', 20, 'nogo'));
    // Insertion order, not `at` order; a repeated id is a new entry, the first is untouched.
    expect(await store.getDecisions(scope, collab.id)).toEqual([decision('dec001', 30, 'go'), decision('dec002', 10, 'nogo'), decision('dec001', 20, 'nogo')]);
  });

  it('keeps one temperature record per poll and returns them by closing time', async () => {
    const scope = slack('T-temperatures');
    const store = storeOn(db());
    const collab = await created(store, scope);
    await store.appendTemperature(scope, collab.id, temperature('pollLate0001', 300));
    await store.appendTemperature(scope, collab.id, temperature('pollEarly001', 100));
    await store.appendTemperature(scope, collab.id, temperature('pollMid00001', 200));
    // A retried close of the same poll changes nothing (the first record stays).
    await store.appendTemperature(scope, collab.id, temperature('pollEarly001', 999, 5));
    expect(await store.getTemperatures(scope, collab.id)).toEqual([
      temperature('pollEarly001', 100),
      temperature('pollMid00001', 200),
      temperature('pollLate0001', 300),
    ]);
  });

  it('stores polls, items, cards and links', async () => {
    const scope = slack('T-extras');
    const store = storeOn(db());
    const collab = await created(store, scope);
    await store.addPoll(scope, collab.id, 'pollA0000001');
    await store.addPoll(scope, collab.id, 'pollA0000001');
    await store.addPoll(scope, collab.id, 'pollB0000001');
    expect((await store.getPolls(scope, collab.id)).sort()).toEqual(['pollA0000001', 'pollB0000001']);
    await store.addItem(scope, collab.id, 'item1', 'Afspraken maken');
    await store.addItem(scope, collab.id, 'item2', 'Budget');
    expect(await store.getItems(scope, collab.id)).toEqual({ item1: 'Afspraken maken', item2: 'Budget' });
    await store.setCard(scope, collab.id, 'step1', rootRef('5.1'));
    await store.setCard(scope, collab.id, 'step1', rootRef('5.2'));
    expect(await store.getCard(scope, collab.id, 'step1')).toEqual(rootRef('5.2'));
    expect(await store.getCard(scope, collab.id, 'decision')).toBeUndefined();
    await store.addLink(scope, collab.id, 'link1');
    expect(await store.getLinks(scope, collab.id)).toEqual(['link1']);
    // Nothing of it is visible from another workspace.
    const other = slack('T-other');
    expect(await store.getPolls(other, collab.id)).toEqual([]);
    expect(await store.getItems(other, collab.id)).toEqual({});
    expect(await store.getCard(other, collab.id, 'step1')).toBeUndefined();
  });

  it('refuses every write on a deleted collaboration and creates no key', async () => {
    const scope = slack('T-deleted-writes');
    const store = storeOn(db());
    const collab = await created(store, scope);
    await store.delete(scope, collab.id);
    expect(await scanKeys(`*${collab.id}*`)).toEqual([]);
    const writes: [string, () => Promise<unknown>][] = [
      ['appendDecision', () => store.appendDecision(scope, collab.id, decision('dec009', 1))],
      ['appendTemperature', () => store.appendTemperature(scope, collab.id, temperature('pollGone0001', 1))],
      ['addPoll', () => store.addPoll(scope, collab.id, 'pollGone0001')],
      ['addItem', () => store.addItem(scope, collab.id, 'item1', 'text')],
      ['setCard', () => store.setCard(scope, collab.id, 'step2', rootRef('9.9'))],
      ['addLink', () => store.addLink(scope, collab.id, 'link1')],
      ['markRefresh', () => store.markRefresh(scope, collab.id, 'root', T)],
      ['setRoot', () => store.setRoot(scope, collab.id, rootRef('8.8'), threadPlace('8.8'))],
      ['update', () => store.update(scope, collab.id, (c) => c)],
      ['saveAnswers', () => store.saveAnswers(scope, collab.id, 'step1', answers('UA', 1, 'x'), T)],
    ];
    const codes: Record<string, string> = {};
    for (const [name, write] of writes) codes[name] = await codeOf(write());
    expect(codes).toEqual(Object.fromEntries(writes.map(([name]) => [name, 'collab_not_found'])));
    expect(await scanKeys(`*${collab.id}*`)).toEqual([]);
    expect(await store.findByThread(scope, 'C-main:8.8')).toBeUndefined();
    expect(await store.get(scope, collab.id)).toBeUndefined();
  });
});

describe('RedisCollabStore: lifetimes, index, hash tags and deletion', () => {
  /** A collaboration with something in every kind of key the store writes. */
  async function filled(store: RedisCollabStore, scope: Scope, channel: string, ts: string): Promise<Collaboration> {
    const collab = await created(store, scope, channel);
    await store.setRoot(scope, collab.id, rootRef(ts), { platform: 'slack', ref: `${channel}:${ts}`, channel, thread: `${channel}:${ts}` });
    await store.update(scope, collab.id, (c) => ({ ...c, step: 2, coordinators: [{ id: 'U2' }] }));
    await store.saveAnswers(scope, collab.id, 'step1', answers('UA', 1, 'a'), T);
    await store.saveAnswers(scope, collab.id, 'step1', answers('UA', 2, 'a2'), T);
    await store.saveAnswers(scope, collab.id, 'step2', answers('UB', 3, 'b'), T);
    await store.appendDecision(scope, collab.id, decision('dec100', 4));
    await store.appendTemperature(scope, collab.id, temperature('pollT0000001', 5));
    await store.addPoll(scope, collab.id, 'pollT0000001');
    await store.addItem(scope, collab.id, 'item1', 'Opvolgen');
    await store.setCard(scope, collab.id, 'decision', rootRef(`${ts}9`));
    await store.addLink(scope, collab.id, 'link1');
    expect((await store.markRefresh(scope, collab.id, 'root', T)).refreshDelayMs).toBeTypeOf('number');
    expect((await store.markRefresh(scope, collab.id, 'root', T)).refreshDelayMs).toBeUndefined();
    await store.markRefresh(scope, collab.id, 'decision', T);
    return collab;
  }

  it('gives every key it writes a lifetime of at most the retention, and lists each in the scope index', async () => {
    const scope = slack('T1');
    const store = storeOn(db());
    const collab = await filled(store, scope, 'C-life', '100.1');
    const keys = await scanKeys('ws:slack:T1:*');
    const k = collabKeys(scope, collab.id);
    const expected = [
      k.meta,
      k.answers('step1'),
      k.answers('step2'),
      k.history,
      k.decisions,
      k.temperatures,
      k.polls,
      k.items,
      k.cards,
      k.links,
      k.refresh('step1'),
      k.refresh('step2'),
      k.refresh('root'),
      k.refresh('decision'),
      threadKey(scope, keyHash('C-life:100.1')),
      channelCollabsKey(scope, keyHash('C-life')),
      indexKey(scope),
    ];
    expect(keys).toEqual([...expected].sort());
    const ttls = Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await db().pttl(key)] as const)));
    const bad = Object.entries(ttls).filter(([, ttl]) => !(ttl > 0 && ttl <= retentionMs));
    expect(bad).toEqual([]);
    // Most keys were just renewed: their lifetime is close to the full retention.
    for (const [key, ttl] of Object.entries(ttls)) expect(ttl, key).toBeGreaterThan(retentionMs - 60_000);

    const indexed = await db().zrange(indexKey(scope), '0', '-1', 'WITHSCORES');
    const scores = new Map<string, number>();
    for (let i = 0; i < indexed.length; i += 2) scores.set(indexed[i]!, Number(indexed[i + 1]));
    const missing = keys.filter((key) => key !== indexKey(scope) && !scores.has(key));
    expect(missing).toEqual([]);
    // Each entry expires in the index no earlier than about when its key does.
    const now = Date.now();
    for (const key of keys) {
      if (key === indexKey(scope)) continue;
      expect(scores.get(key)!, key).toBeGreaterThan(now + ttls[key]! - 60_000);
    }
  });

  it('keeps all keys of one collaboration under one hash tag, which holds its scope and id', async () => {
    const scope = slack('T-tags');
    const store = storeOn(db());
    const collab = await filled(store, scope, 'C-tags', '200.1');
    const tagOf = (key: string): string | undefined => {
      const open = key.indexOf('{');
      const close = key.indexOf('}', open + 1);
      return open >= 0 && close > open + 1 ? key.slice(open + 1, close) : undefined;
    };
    const listed = collabKeyList(scope, collab.id);
    const written = await scanKeys(`*${collab.id}*`);
    expect(written.length).toBeGreaterThanOrEqual(14);
    for (const key of written) expect(listed, key).toContain(key);
    const tags = new Set([...listed, ...written].map(tagOf));
    expect([...tags]).toEqual([`slack:T-tags:${collab.id}`]);
    // Same tag, same slot: a script or MULTI over all of them is valid in a cluster.
    expect(new Set(written.map(keySlot)).size).toBe(1);
    expect(keySlot(written[0]!)).toBe(keySlot(`{slack:T-tags:${collab.id}}`));
  });

  it('deletes every key, the thread mapping and the channel entry of one collaboration, and leaves another intact', async () => {
    const scope = slack('T-delete');
    const store = storeOn(db());
    const doomed = await filled(store, scope, 'C-shared', '300.1');
    const kept = await filled(store, scope, 'C-shared', '300.2');
    expect(await store.listByChannel(scope, 'C-shared')).toEqual([doomed.id, kept.id].sort((a, b) => (a < b ? -1 : 1)));
    const keptKeysBefore = await scanKeys(`*${kept.id}*`);
    const keptRecord = await store.get(scope, kept.id);

    await store.delete(scope, doomed.id);

    expect(await scanKeys(`*${doomed.id}*`)).toEqual([]);
    const threadKeys = await scanKeys(`ws:slack:${scope.tenant}:thread:*`);
    const pointing = (await Promise.all(threadKeys.map(async (key) => ((await db().get(key)) === doomed.id ? key : undefined)))).filter(Boolean);
    expect(pointing).toEqual([]);
    expect(await store.findByThread(scope, 'C-shared:300.1')).toBeUndefined();
    expect(await db().zrange(channelCollabsKey(scope, keyHash('C-shared')), '0', '-1')).toEqual([kept.id]);
    expect(await store.listByChannel(scope, 'C-shared')).toEqual([kept.id]);
    expect(await store.get(scope, doomed.id)).toBeUndefined();
    expect(await store.getHistory(scope, doomed.id)).toEqual([]);
    // Nothing of the deleted collaboration's content stays anywhere, under any key name.
    for (const key of await scanKeys(`ws:slack:${scope.tenant}:*`)) {
      if (key === indexKey(scope)) continue;
      const type = await db().type(key);
      const value =
        type === 'string' ? await db().get(key) : type === 'zset' ? (await db().zrange(key, '0', '-1')).join(',') : '';
      expect(value ?? '', key).not.toContain(doomed.id);
    }

    // The other collaboration in the same channel is untouched.
    expect(await scanKeys(`*${kept.id}*`)).toEqual(keptKeysBefore);
    expect(await store.get(scope, kept.id)).toEqual(keptRecord);
    expect(await store.findByThread(scope, 'C-shared:300.2')).toBe(kept.id);
    expect(await store.getDecisions(scope, kept.id)).toEqual([decision('dec100', 4)]);
    expect(await store.getAnswers(scope, kept.id, 'step1')).toEqual([answers('UA', 2, 'a2')]);
  });
});
