/**
 * The measurement procedure shared by Slack and Teams. Both systems (bare and ours) are started
 * once and warmed up; then, for each round, the bare system gets a fresh batch of votes and our
 * system gets a fresh poll with the same number of distinct voters. Headline numbers are the medians
 * over rounds (a shared 2-CPU machine is noisy); every round is kept in the JSON.
 */
import { Redis } from 'ioredis';
import type { ChildHandle } from './child.js';
import { performance } from 'node:perf_hooks';
import { eluBetween } from './child.js';
import { minGap, runBatch, sleep, summarize, type BatchResult, type LatencySummary, type PreparedRequest } from './load.js';
import type { CardResult, Check, PlatformResult } from './report.js';
import { expectedTally, formatTally, sameTally, type Tally } from './tally.js';

export interface BenchOptions {
  redisUrl: string;
  voters: number;
  warmup: number;
  concurrency: number;
  rounds: number;
  /** The product's refresh interval (the app runs with its default timing; this only sizes waits). */
  minIntervalMs: number;
  finalTimeoutMs: number;
  profileDir?: string;
  log: (line: string) => void;
}

/** One update of a shared card as the fake platform received it. */
export interface CardUpdate {
  at: number;
  tally: Tally | undefined;
  accepted: boolean;
}

export interface PollRef {
  pollId: string;
  /** Slack message ts / Teams activity id of the shared card. */
  cardId: string;
}

/** What differs between Slack and Teams. */
export interface PlatformDriver {
  platform: 'slack' | 'teams';
  startBare(): Promise<ChildHandle>;
  startOurs(): Promise<ChildHandle>;
  /**
   * Pre-built (and, for Slack, pre-signed) votes of `count` distinct users `<prefix>NNNNN`, numbered
   * from `firstId`; vote i (1-based) chooses choiceFor(i).
   */
  buildVotes(url: string, prefix: string, count: number, poll: PollRef, firstId: number): PreparedRequest[];
  openPoll(url: string, tag: string): Promise<PollRef>;
  updatesOf(cardId: string): CardUpdate[];
  /**
   * Calls `onUpdate` synchronously whenever an update of the card arrives at the fake platform,
   * until `stop()` or `timeoutMs`.
   */
  observeUpdates(cardId: string, onUpdate: (at: number) => void, timeoutMs: number): { stop(): void };
  /** The Redis key of a poll's refresh marker (src/store/keys.ts pollKeys().refresh). */
  refreshKey(pollId: string): string;
  /** Resolves with the first update (past or future) of the card that shows `tally`, or undefined after the timeout. */
  waitForTally(cardId: string, tally: Tally, timeoutMs: number): Promise<CardUpdate | undefined>;
  /**
   * Checks of our system's answers to one batch (own vote shown, no error replies, ...); may wait
   * (bounded) for asynchronous replies. Notes are informational lines for the report.
   */
  checkOurs(batch: BatchResult, poll: PollRef): Promise<{ checks: Check[]; notes: string[] }>;
  close(): Promise<void>;
}

const BARE_POLL: PollRef = { pollId: 'BAREPOLL00000000', cardId: '1700000000.000100' };

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Per-metric medians over rounds; counts are summed. */
export function medianSummary(list: LatencySummary[]): LatencySummary {
  const m = (k: keyof LatencySummary): number => median(list.map((s) => s[k]));
  return {
    requests: list.reduce((n, s) => n + s.requests, 0),
    ok: list.reduce((n, s) => n + s.ok, 0),
    failed: list.reduce((n, s) => n + s.failed, 0),
    p50Ms: m('p50Ms'),
    p90Ms: m('p90Ms'),
    p99Ms: m('p99Ms'),
    maxMs: Math.max(...list.map((s) => s.maxMs)),
    votesPerSec: m('votesPerSec'),
    wallMs: m('wallMs'),
  };
}

function allAnswered(who: string, batches: BatchResult[]): Check {
  const results = batches.flatMap((b) => b.results);
  const ok = results.filter((r) => r.status === 200).length;
  const other = [...new Set(results.filter((r) => r.status !== 200).map((r) => r.error ?? String(r.status)))].join(',');
  return { name: `${who}: every request answered 200`, value: `${ok}/${results.length}${other ? ` (${other})` : ''}`, target: 'all', pass: ok === results.length };
}

/** Merges per-round checks of the same name: pass only if every round passed. */
function mergeChecks(perRound: Check[][]): Check[] {
  const byName = new Map<string, Check[]>();
  for (const c of perRound.flat()) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  return [...byName.entries()].map(([name, list]) => ({
    name,
    value: list.map((c) => c.value).join(' | '),
    target: list[0]!.target,
    pass: list.every((c) => c.pass),
  }));
}

/** A batch plus the event-loop utilization of the server and of this (load generator) process meanwhile. */
interface TimedBatch {
  batch: BatchResult;
  serverElu: number;
  clientElu: number;
}

async function timedBatch(child: ChildHandle, requests: PreparedRequest[], concurrency: number): Promise<TimedBatch> {
  const before = await child.mem();
  const clientBefore = performance.eventLoopUtilization();
  const batch = await runBatch(requests, concurrency);
  const clientElu = performance.eventLoopUtilization(clientBefore).utilization;
  const after = await child.mem();
  return { batch, serverElu: eluBetween(before, after), clientElu };
}

async function measureOursRound(
  d: PlatformDriver,
  ours: ChildHandle,
  redis: Redis,
  opts: BenchOptions,
  round: number,
): Promise<{ timed: TimedBatch; card: CardResult; checks: Check[]; notes: string[]; stopObserving: () => void }> {
  const poll = await d.openPoll(ours.url, `round-${round}`);
  // Round 1 has users U00001..U01000; later rounds continue with new ids, so every round meets
  // voters the app has never seen (e.g. no cached Slack locale), like the first.
  const votes = d.buildVotes(ours.url, 'U', opts.voters, poll, (round - 1) * opts.voters + 1);
  const expected = expectedTally(opts.voters);
  // Diagnostics: when an update arrives, read the start stamp of the refresh job that sent it from the
  // poll's refresh marker (src/store/lua.ts beginRefreshScript: `running` while the job runs; older
  // versions kept it as `last`). arrival - start = time from the job's start to the platform receiving
  // the update. The read is sent before the fake platform's answer can reach the worker.
  const beginToArrivalMs: number[] = [];
  const observer = d.observeUpdates(
    poll.cardId,
    (at) => {
      redis
        .hmget(d.refreshKey(poll.pollId), 'running', 'last')
        .then(([running, last]) => {
          const start = running ?? last;
          beginToArrivalMs.push(start === null || start === undefined ? Number.NaN : at - Number(start));
        })
        .catch(() => beginToArrivalMs.push(Number.NaN));
    },
    opts.finalTimeoutMs + 30_000,
  );
  const timed = await timedBatch(ours, votes, opts.concurrency);
  const { batch } = timed;
  const final = await d.waitForTally(poll.cardId, expected, opts.finalTimeoutMs);
  const checked = await d.checkOurs(batch, poll);
  return {
    stopObserving: observer.stop,
    timed,
    checks: checked.checks,
    notes: checked.notes,
    card: {
      cardId: poll.cardId,
      batchStartedAt: batch.startedAt,
      lastResponseAt: batch.lastDoneAt,
      finalAt: final?.at,
      expected,
      // Filled in after the settle wait (updates may still arrive).
      updates: 0,
      updateOffsetsMs: [],
      finalExact: false,
      updatesAfterFinal: 0,
      lastSeen: '',
      beginToArrivalMs,
    },
  };
}

/** Completes a round's card result once no more updates are expected. */
function finishCard(d: PlatformDriver, card: CardResult): CardResult {
  const updates = d.updatesOf(card.cardId);
  const last = updates[updates.length - 1];
  const finalIndex = card.finalAt === undefined ? -1 : updates.findIndex((u) => u.at === card.finalAt && sameTally(u.tally, card.expected));
  return {
    ...card,
    updates: updates.length,
    updateOffsetsMs: updates.map((u) => u.at - card.batchStartedAt),
    minIntervalMs: minGap(updates.map((u) => u.at)),
    finalDelayMs: card.finalAt === undefined ? undefined : card.finalAt - card.lastResponseAt,
    finalExact: sameTally(last?.tally, card.expected),
    updatesAfterFinal: finalIndex < 0 ? 0 : updates.length - 1 - finalIndex,
    rejectedUpdates: updates.filter((u) => !u.accepted).length,
    lastSeen: formatTally(last?.tally),
  };
}

export async function benchPlatform(d: PlatformDriver, opts: BenchOptions): Promise<PlatformResult> {
  const result: PlatformResult = { platform: d.platform, rounds: [], extraChecks: [], notes: [] };
  let bare: ChildHandle | undefined;
  let ours: ChildHandle | undefined;
  const redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 1 });
  const observers: (() => void)[] = [];
  try {
    opts.log(`${d.platform}: starting bare and ours, warming up ...`);
    [bare, ours] = await Promise.all([d.startBare(), d.startOurs()]);
    // Warm-up: not counted; separate poll and ids. Wait until our warm-up card settled.
    await runBatch(d.buildVotes(bare.url, 'W', opts.warmup, BARE_POLL, 1), opts.concurrency);
    const warm = await d.openPoll(ours.url, 'warmup');
    await runBatch(d.buildVotes(ours.url, 'W', opts.warmup, warm, 1), opts.concurrency);
    if (!(await d.waitForTally(warm.cardId, expectedTally(opts.warmup), opts.finalTimeoutMs))) {
      result.notes.push('the warm-up poll never showed its exact tally');
    }
    await sleep(opts.minIntervalMs + 200);

    const memBefore = { bare: await bare.mem(), ours: await ours.mem() };
    const bareBatches: BatchResult[] = [];
    const oursBatches: BatchResult[] = [];
    const cards: CardResult[] = [];
    const oursChecks: Check[][] = [];
    for (let round = 1; round <= opts.rounds; round++) {
      opts.log(`${d.platform}: round ${round}/${opts.rounds}`);
      const b = await timedBatch(bare, d.buildVotes(bare.url, 'U', opts.voters, BARE_POLL, (round - 1) * opts.voters + 1), opts.concurrency);
      bareBatches.push(b.batch);
      const o = await measureOursRound(d, ours, redis, opts, round);
      observers.push(o.stopObserving);
      oursBatches.push(o.timed.batch);
      cards.push(o.card);
      oursChecks.push(o.checks);
      result.rounds.push({
        bare: summarize(b.batch),
        ours: summarize(o.timed.batch),
        elu: { bareServer: b.serverElu, bareClient: b.clientElu, oursServer: o.timed.serverElu, oursClient: o.timed.clientElu },
        notes: o.notes,
      });
    }
    // One more interval: a redundant update after the final one would show up here.
    await sleep(opts.minIntervalMs + 1000);
    const memAfter = { bare: await bare.mem(), ours: await ours.mem() };

    const finished = cards.map((c) => finishCard(d, c));
    result.rounds.forEach((r, i) => (r.card = finished[i]));
    result.bare = { summary: medianSummary(result.rounds.map((r) => r.bare)), memBefore: memBefore.bare, memAfter: memAfter.bare };
    result.ours = { summary: medianSummary(result.rounds.map((r) => r.ours)), memBefore: memBefore.ours, memAfter: memAfter.ours };
    result.extraChecks.push(allAnswered('bare', bareBatches), allAnswered('ours', oursBatches), ...mergeChecks(oursChecks));
    const rejected = finished.reduce((n, c) => n + (c.rejectedUpdates ?? 0), 0);
    result.extraChecks.push({ name: 'ours: card updates accepted by the platform', value: `${finished.reduce((n, c) => n + c.updates, 0) - rejected} of ${finished.reduce((n, c) => n + c.updates, 0)}`, target: 'all', pass: rejected === 0 });
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  } finally {
    for (const stop of observers) stop();
    redis.disconnect();
    await Promise.all([bare?.close(), ours?.close()]);
    await d.close();
  }
  return result;
}

