import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPIRY_GRACE_MS, RedisPollStore } from '../../src/store/redis-poll-store.js';
import { ScopeIndex } from '../../src/store/scope-index.js';
import { RedisKvStore } from '../../src/store/kv-store.js';
import { pollKeyList, pollKeys } from '../../src/store/keys.js';
import { Pseudonyms } from '../../src/app/pseudonyms.js';
import { isAppError } from '../../src/domain/errors.js';
import type { Poll, Scope, Temperature } from '../../src/domain/poll.js';
import { dumpRedis, dumpText } from '../support/redis-dump.js';
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
const lifetimes = { pollMaxMs: 30 * DAY, retentionMs: 365 * DAY };
const scope: Scope = { platform: 'teams', tenant: 'tenant-a' };
const T = { minIntervalMs: 60_000, pendingTtlMs: 15_000, leaseMs: 30_000 };
const pseudonyms = new Pseudonyms('store-test-secret-0123456789-abcdefghij');
const storeOn = (c: Redis): RedisPollStore => new RedisPollStore(c, new ScopeIndex(c), lifetimes);
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (isAppError(e) ? e.code : 'other'));
const redisNow = async (): Promise<number> => {
  const [s, us] = await clients[0]!.time();
  return Number(s) * 1000 + Math.floor(Number(us) / 1000);
};

let n = 0;
async function newPoll(store: RedisPollStore, over: Partial<Poll> = {}, at = Date.now()): Promise<Poll> {
  const poll: Poll = {
    id: `poll${String(++n).padStart(8, '0')}`,
    scope,
    question: 'Q',
    anonymous: true,
    hidden: false,
    locale: 'nl',
    facilitatorKey: pseudonyms.facilitator('salt', 'faci'),
    status: 'open',
    createdAt: at,
    expiresAt: at + lifetimes.pollMaxMs,
    ...over,
  };
  await store.createPoll({ poll, voterSalt: 'salt' });
  return poll;
}
const faci = { facilitatorKey: pseudonyms.facilitator('salt', 'faci') };

describe('RedisPollStore: votes', () => {
  it('stays exact under 600 concurrent votes and vote changes from eight connections', async () => {
    const stores = clients.map(storeOn);
    const poll = await newPoll(stores[0]!);
    const choices: Temperature[] = ['veel', 'gemixt', 'weinig'];
    const key = (i: number) => pseudonyms.voter('salt', `u${i}`);
    const first = Array.from({ length: 300 }, (_, i) => stores[i % 8]!.castVote(scope, poll.id, { voterKey: key(i), choice: choices[i % 3]! }, T));
    // Every voter also votes again: half repeat themselves, half move to 'veel'.
    const second = Array.from({ length: 300 }, (_, i) =>
      stores[(i + 3) % 8]!.castVote(scope, poll.id, { voterKey: key(i), choice: i % 2 === 0 ? choices[i % 3]! : 'veel' }, T),
    );
    await Promise.all([...first, ...second]);
    const state = await stores[0]!.getPoll(scope, poll.id);
    // Which of a voter's two votes lands last depends on the interleaving; what must hold is one
    // vote per voter and counts that add up to the voters.
    expect(state!.tally.voters).toBe(300);
    const { veel, gemixt, weinig } = state!.tally.counts;
    expect(veel + gemixt + weinig).toBe(300);
    const votes = await clients[0]!.hgetall(pollKeys(scope, poll.id).votes);
    const recount = { veel: 0, gemixt: 0, weinig: 0 };
    for (const v of Object.values(votes)) recount[v as Temperature]++;
    expect(recount).toEqual(state!.tally.counts);
  });

  it('reports a repeated vote as unchanged and a changed vote with the previous choice', async () => {
    const store = storeOn(clients[0]!);
    const poll = await newPoll(store);
    expect(await store.castVote(scope, poll.id, { voterKey: 'k1', choice: 'veel' }, T)).toMatchObject({ changed: true, previous: undefined });
    expect(await store.castVote(scope, poll.id, { voterKey: 'k1', choice: 'veel' }, T)).toMatchObject({ changed: false, previous: 'veel' });
    const moved = await store.castVote(scope, poll.id, { voterKey: 'k1', choice: 'weinig' }, T);
    expect(moved).toMatchObject({ changed: true, previous: 'veel', tally: { counts: { veel: 0, gemixt: 0, weinig: 1 }, voters: 1 } });
  });

  it('marks one card refresh pending per poll, replaces a lost mark, and spaces it by Redis time', async () => {
    const store = storeOn(clients[0]!);
    const poll = await newPoll(store);
    const vote = (k: string) => store.castVote(scope, poll.id, { voterKey: k, choice: 'veel' }, T);
    expect((await vote('a')).refreshDelayMs).toBe(0);
    expect((await vote('b')).refreshDelayMs).toBeUndefined();
    const refresh = pollKeys(scope, poll.id).refresh;
    // A pending mark older than pendingTtl belongs to a job that was lost.
    await clients[0]!.hset(refresh, 'pending', String((await redisNow()) - T.pendingTtlMs - 1));
    expect((await vote('c')).refreshDelayMs).toBe(0);
    // The next refresh waits for the minimum interval after the last delivered update, on Redis' clock.
    await clients[0]!.hset(refresh, 'done', String(await redisNow()));
    await clients[0]!.hdel(refresh, 'pending');
    const delay = (await vote('d')).refreshDelayMs!;
    expect(delay).toBeGreaterThan(50_000);
    expect(delay).toBeLessThanOrEqual(60_000);
  });

  it('refuses votes on unknown, closed and expired polls', async () => {
    const store = storeOn(clients[0]!);
    expect(await codeOf(store.castVote(scope, 'doesNotExist00', { voterKey: 'k', choice: 'veel' }, T))).toBe('poll_not_found');
    const old = await newPoll(store, {}, Date.now() - lifetimes.pollMaxMs - 1000);
    expect(await codeOf(store.castVote(scope, old.id, { voterKey: 'k', choice: 'veel' }, T))).toBe('poll_closed');
    const poll = await newPoll(store);
    await store.closePoll(scope, poll.id, faci, Date.now(), T);
    expect(await codeOf(store.castVote(scope, poll.id, { voterKey: 'k', choice: 'veel' }, T))).toBe('poll_closed');
  });

  it('keeps names only for named polls, whatever the caller passes', async () => {
    const store = storeOn(clients[0]!);
    const anonymous = await newPoll(store);
    await store.castVote(scope, anonymous.id, { voterKey: 'k1', choice: 'gemixt', name: 'Lotte Leaky' }, T);
    expect(await clients[0]!.exists(pollKeys(scope, anonymous.id).names)).toBe(0);
    const named = await newPoll(store, { anonymous: false });
    await store.castVote(scope, named.id, { voterKey: 'k1', choice: 'gemixt', name: 'Lotte' }, T);
    expect((await store.getPoll(scope, named.id))!.named).toEqual([{ name: 'Lotte', choice: 'gemixt' }]);
  });
});

describe('RedisPollStore: closing', () => {
  it('lets only the facilitator close, once, and the system close an expired poll', async () => {
    const store = storeOn(clients[0]!);
    const poll = await newPoll(store);
    expect(await codeOf(store.closePoll(scope, poll.id, { facilitatorKey: pseudonyms.facilitator('salt', 'someone-else') }, 5, T))).toBe('not_facilitator');
    expect((await store.getPoll(scope, poll.id))!.poll.status).toBe('open');
    expect(await store.closePoll(scope, poll.id, faci, 5, T)).toEqual({ alreadyClosed: false, refreshDelayMs: 0 });
    expect(await store.closePoll(scope, poll.id, faci, 6, T)).toEqual({ alreadyClosed: true, refreshDelayMs: undefined });
    expect((await store.getPoll(scope, poll.id))!.poll).toMatchObject({ status: 'closed', closedAt: 5, closedReason: 'facilitator' });
    const expiring = await newPoll(store);
    await store.closePoll(scope, expiring.id, 'system', 7, T);
    expect((await store.getPoll(scope, expiring.id))!.poll).toMatchObject({ status: 'closed', closedReason: 'expired' });
  });

  it('deletes an anonymous poll\'s per-voter entries at closing and keeps only counts and the number of voters', async () => {
    const store = storeOn(clients[0]!);
    const poll = await newPoll(store);
    for (const [k, c] of [['anonKeyA', 'veel'], ['anonKeyB', 'veel'], ['anonKeyC', 'weinig']] as const) await store.castVote(scope, poll.id, { voterKey: k, choice: c }, T);
    await store.closePoll(scope, poll.id, faci, Date.now(), T);
    const k = pollKeys(scope, poll.id);
    expect(await clients[0]!.exists(k.votes, k.names)).toBe(0);
    expect((await store.getPoll(scope, poll.id))!.tally).toEqual({ counts: { veel: 2, gemixt: 0, weinig: 1 }, voters: 3 });
    expect(dumpText(await dumpRedis(redis.url))).not.toMatch(/anonKey/);
  });

  it('keeps a named poll\'s names after closing, as its card shows them', async () => {
    const store = storeOn(clients[0]!);
    const poll = await newPoll(store, { anonymous: false });
    await store.castVote(scope, poll.id, { voterKey: 'k1', choice: 'veel', name: 'Wout' }, T);
    await store.closePoll(scope, poll.id, faci, Date.now(), T);
    expect((await store.getPoll(scope, poll.id))!.named).toEqual([{ name: 'Wout', choice: 'veel' }]);
  });
});

describe('RedisPollStore: lifetimes and deletion', () => {
  it('gives every key of an open poll its maximum age plus grace, and of a closed poll the retention', async () => {
    const store = storeOn(clients[0]!);
    const poll = await newPoll(store, { anonymous: false });
    await store.castVote(scope, poll.id, { voterKey: 'k1', choice: 'veel', name: 'Wout' }, T);
    const open = lifetimes.pollMaxMs + EXPIRY_GRACE_MS;
    for (const key of pollKeyList(scope, poll.id)) {
      const ttl = await clients[0]!.pttl(key);
      expect(ttl, key).toBeGreaterThan(open - 60_000);
      expect(ttl, key).toBeLessThanOrEqual(open);
    }
    await store.closePoll(scope, poll.id, faci, Date.now(), T);
    for (const key of pollKeyList(scope, poll.id)) {
      const ttl = await clients[0]!.pttl(key);
      expect(ttl, key).toBeGreaterThan(lifetimes.retentionMs - 60_000);
      expect(ttl, key).toBeLessThanOrEqual(lifetimes.retentionMs);
    }
  });

  it('keeps polls of different tenants apart and all keys of one poll under one hash tag', async () => {
    const store = storeOn(clients[0]!);
    const poll = await newPoll(store);
    expect(await store.getPoll({ platform: 'teams', tenant: 'tenant-b' }, poll.id)).toBeUndefined();
    expect(await store.getPoll({ platform: 'slack', tenant: 'tenant-a' }, poll.id)).toBeUndefined();
    const keys = pollKeyList(scope, poll.id);
    const tags = keys.map((k) => /\{([^}]+)\}/.exec(k)?.[1]);
    expect(new Set(tags).size).toBe(1);
    expect(tags[0]).toBe(`teams:tenant-a:${poll.id}`);
    expect(keys.every((k) => k.startsWith('ws:teams:tenant-a:'))).toBe(true);
  });

  it('deletes everything of one workspace in one call, and nothing of another', async () => {
    const mine: Scope = { platform: 'slack', tenant: 'T0FORGET' };
    const theirs: Scope = { platform: 'slack', tenant: 'T0KEEP' };
    const index = new ScopeIndex(clients[0]!);
    const store = new RedisPollStore(clients[0]!, index, lifetimes);
    const kv = new RedisKvStore(clients[0]!, index);
    for (const s of [mine, theirs]) {
      const poll = await newPoll(store, { scope: s, anonymous: false });
      await store.castVote(s, poll.id, { voterKey: 'k1', choice: 'veel', name: 'Wout' }, T);
      await kv.put(s, `ws:slack:${s.tenant}:person:locale:x`, 'nl', 3600);
      await kv.claim(`ws:slack:${s.tenant}:once:event:Ev1`, 3600, s);
      await kv.addToSet(s, `ws:slack:${s.tenant}:team:t1:conversations`, 'c1', 3600);
    }
    expect(await store.deleteScope(mine)).toBeGreaterThanOrEqual(7);
    const left = (await dumpRedis(redis.url)).map((d) => d.key);
    expect(left.filter((k) => k.includes('T0FORGET'))).toEqual([]);
    expect(left.filter((k) => k.includes('T0KEEP')).length).toBeGreaterThanOrEqual(7);
  });
});
