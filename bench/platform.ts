/**
 * The measurement procedure shared by Slack and Teams. Both systems (bare and ours) are started
 * once and warmed up; then, for each round, the bare system gets a fresh batch of votes and our
 * system gets a fresh poll with the same number of distinct voters. Headline numbers are the medians
 * over rounds (a shared 2-CPU machine is noisy); every round is kept in the JSON.
 */
import type { ChildHandle } from './child.js';
import { minGap, runBatch, sleep, summarize, type BatchResult, type LatencySummary, type PreparedRequest } from './load.js';
import type { CardResult, Check, PlatformResult, RoundResult } from './report.js';
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
  /** Pre-built (and, for Slack, pre-signed) votes of users `<prefix>00001`... for a poll. */
  buildVotes(url: string, prefix: string, count: number, poll: PollRef): PreparedRequest[];
  openPoll(url: string, tag: string): Promise<PollRef>;
  updatesOf(cardId: string): CardUpdate[];
  /** Resolves with the first update (past or future) of the card that shows `tally`, or undefined after the timeout. */
  waitForTally(cardId: string, tally: Tally, timeoutMs: number): Promise<CardUpdate | undefined>;
  /** Checks of our system's answers to one batch (own vote shown, no error replies, ...). */
  checkOurs(batch: BatchResult, since: number): Check[];
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

async function measureOursRound(d: PlatformDriver, ours: ChildHandle, opts: BenchOptions, round: number): Promise<{ batch: BatchResult; card: CardResult; checks: Check[] }> {
  const poll = await d.openPoll(ours.url, `round-${round}`);
  const votes = d.buildVotes(ours.url, 'U', opts.voters, poll);
  const expected = expectedTally(opts.voters);
  const since = Date.now();
  const batch = await runBatch(votes, opts.concurrency);
  const final = await d.waitForTally(poll.cardId, expected, opts.finalTimeoutMs);
  return {
    batch,
    checks: d.checkOurs(batch, since),
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
  try {
    opts.log(`${d.platform}: starting bare and ours, warming up ...`);
    [bare, ours] = await Promise.all([d.startBare(), d.startOurs()]);
    // Warm-up: not counted; separate poll and ids. Wait until our warm-up card settled.
    await runBatch(d.buildVotes(bare.url, 'W', opts.warmup, BARE_POLL), opts.concurrency);
    const warm = await d.openPoll(ours.url, 'warmup');
    await runBatch(d.buildVotes(ours.url, 'W', opts.warmup, warm), opts.concurrency);
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
      const b = await runBatch(d.buildVotes(bare.url, 'U', opts.voters, BARE_POLL), opts.concurrency);
      bareBatches.push(b);
      const o = await measureOursRound(d, ours, opts, round);
      oursBatches.push(o.batch);
      cards.push(o.card);
      oursChecks.push(o.checks);
      result.rounds.push({ bare: summarize(b), ours: summarize(o.batch) });
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
    await Promise.all([bare?.close(), ours?.close()]);
    await d.close();
  }
  return result;
}

export type { RoundResult };
