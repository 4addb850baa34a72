/**
 * The step-card run, shared by Slack and Teams: per round a new collaboration whose stap 1-4 cards
 * are each answered by 40 members at once. Stap 2 is the measured burst (ack latency against the
 * bare framework, and how the shared step card follows); after stap 4 the collaboration's Redis
 * footprint is summed. Headline numbers are medians over rounds; every round is kept.
 */
import { Redis } from 'ioredis';
import type { ChildHandle } from './child.js';
import { minGap, runBatch, sleep, summarize, type BatchResult, type PreparedRequest, type RequestResult } from './load.js';
import { medianSummary } from './platform.js';
import type { RedisFootprint, StepCardResult, StepPlatformResult, StepRoundResult } from './steps-report.js';
import { collabMessages } from '../src/content/collab-messages.js';
import type { Step } from '../src/domain/collaboration.js';
import type { Scope } from '../src/domain/poll.js';
import { channelCollabsKey, collabKeys, indexKey, scopePrefix } from '../src/store/keys.js';

/** Members per collaboration: every one of them answers every step. */
export const STEP_MEMBERS = 40;

/** The progress line of a step card, as the product words it (Dutch, the default locale). */
export const progressLine = (answered: number, members: number): string => collabMessages('nl').progress(answered, members);
const PROGRESS = /\d+ van \d+ leden antwoordden/;

export interface StepOptions {
  redisUrl: string;
  rounds: number;
  /** The product's refresh interval (the app runs with its default timing; this only sizes waits). */
  minIntervalMs: number;
  finalTimeoutMs: number;
  log: (line: string) => void;
}

export interface StepCollab {
  round: number;
  collabId: string;
  /** Slack message ts / Teams activity id of the root card. */
  rootId: string;
}

/** One update of a card as the fake platform received it; `text` is the card's JSON. */
export interface StepUpdate {
  at: number;
  text: string;
  accepted: boolean;
}

/** What differs between Slack and Teams. */
export interface StepDriver {
  platform: 'slack' | 'teams';
  scope: Scope;
  /** How answers arrive (section title). */
  request: string;
  /** How many members the platform reports for each round's channel (the "van N" of the card). */
  membersShown: number;
  startBare(): Promise<ChildHandle>;
  startOurs(): Promise<ChildHandle>;
  /** Starts a collaboration in round `round`'s own channel; member 1 of the round is its facilitator. */
  startCollab(url: string, round: number): Promise<StepCollab>;
  /** Asks for a step in the collaboration's thread (as member 1); resolves with the step card's id. */
  postStep(url: string, c: StepCollab, step: Step): Promise<string>;
  /** The answers of members 1..STEP_MEMBERS of the round to `step`, built (and signed) before timing. */
  buildAnswers(url: string, c: StepCollab, step: Step): PreparedRequest[];
  /** Whether our system's response says the answer was saved. */
  saved(r: RequestResult): boolean;
  updatesOf(cardId: string): StepUpdate[];
  /** First update (past or future) of the card whose JSON contains `text` (any update when undefined). */
  waitForUpdate(cardId: string, text: string | undefined, timeoutMs: number): Promise<StepUpdate | undefined>;
  notes(): string[];
  close(): Promise<void>;
}

const progressOf = (u: StepUpdate | undefined): string => (u ? (PROGRESS.exec(u.text)?.[0] ?? '(no progress line)') : '(none)');

/**
 * Starts a collaboration and waits until the app has stored where its root card is. Slack acks the
 * slash command before the work, and the card reaches the fake platform a moment before the app
 * stores its thread; a command sent into the thread within those milliseconds is refused (no
 * person types that fast, so the bench waits like one would).
 */
async function startCollab(d: StepDriver, url: string, redis: Redis, round: number): Promise<StepCollab> {
  const c = await d.startCollab(url, round);
  const meta = collabKeys(d.scope, c.collabId).meta;
  const until = Date.now() + 5_000;
  while (!(await redis.hexists(meta, 'thread'))) {
    if (Date.now() > until) throw new Error(`round ${round}: the root card's thread was not stored within 5 s`);
    await sleep(5);
  }
  return c;
}

/** Posts a step and lets all members answer it at once. */
async function answerStep(d: StepDriver, url: string, c: StepCollab, step: Step): Promise<BatchResult> {
  await d.postStep(url, c, step);
  return runBatch(d.buildAnswers(url, c, step), STEP_MEMBERS);
}

/** Sums MEMORY USAGE over every key of the collaboration: its own keys, its thread key and its channel's list. */
export async function footprint(redis: Redis, scope: Scope, collabId: string): Promise<RedisFootprint> {
  const keys = new Map<string, string>();
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${scopePrefix(scope)}:*${collabId}*`, 'COUNT', 1000);
    cursor = next;
    for (const k of found) keys.set(k, k.includes('}:') ? k.slice(k.indexOf('}:') + 2) : k);
  } while (cursor !== '0');
  const [thread, channel] = await redis.hmget(collabKeys(scope, collabId).meta, 'threadKey', 'channel');
  if (thread) keys.set(thread, 'thread');
  // A new channel per round: this list names only this collaboration.
  if (channel) keys.set(channelCollabsKey(scope, channel), 'channel');
  const byKey: Record<string, number> = {};
  let bytes = 0;
  for (const [key, name] of keys) {
    // SAMPLES 0: count every element of a hash or list, not an estimate from a sample of 5.
    const n = (await redis.memory('USAGE', key, 'SAMPLES', 0)) ?? 0;
    byKey[name] = n;
    bytes += n;
  }
  const index = indexKey(scope);
  const listed = await redis.zrange(index, '0', '-1');
  const mine = listed.filter((k) => keys.has(k)).length;
  const indexBytes = (await redis.memory('USAGE', index, 'SAMPLES', 0)) ?? 0;
  return { keys: keys.size, bytes, indexShareBytes: listed.length ? (indexBytes * mine) / listed.length : 0, byKey };
}

function cardResult(d: StepDriver, cardId: string, batch: BatchResult, final: StepUpdate | undefined, expected: string): StepCardResult {
  const updates = d.updatesOf(cardId);
  const finalIndex = final ? updates.findIndex((u) => u.at === final.at && u.text.includes(expected)) : -1;
  return {
    cardId,
    updates: updates.length,
    updateOffsetsMs: updates.map((u) => u.at - batch.startedAt),
    minGapMs: minGap(updates.map((u) => u.at)),
    finalDelayMs: final ? final.at - batch.lastDoneAt : undefined,
    finalExact: updates.length > 0 && updates[updates.length - 1]!.text.includes(expected),
    updatesAfterFinal: finalIndex < 0 ? 0 : updates.length - 1 - finalIndex,
    rejected: updates.filter((u) => !u.accepted).length,
    lastProgress: progressOf(updates[updates.length - 1]),
  };
}

/** One round of our system; the stap 2 batch is the measured one. */
async function oursRound(d: StepDriver, url: string, redis: Redis, opts: StepOptions, round: number): Promise<Omit<StepRoundResult, 'bare'>> {
  const expected = progressLine(STEP_MEMBERS, d.membersShown);
  const notes: string[] = [];
  const c = await startCollab(d, url, redis, round);
  const b1 = await answerStep(d, url, c, 1);
  const requests = d.buildAnswers(url, c, 2);
  const card = await d.postStep(url, c, 2);
  // Posting marks the card for a refresh, which the worker runs at once. The members answer right
  // after that update, so the refresh their answers need must wait for the next slot of the
  // interval: that is what the gap and the final-progress delay measure. (Without this wait the
  // post's own refresh may or may not catch the whole burst, and the round would measure a race.)
  if (!(await d.waitForUpdate(card, undefined, 5_000))) notes.push('the step card got no update after it was posted');
  const b2 = await runBatch(requests, STEP_MEMBERS);
  const final = await d.waitForUpdate(card, expected, opts.finalTimeoutMs);
  if (!final) notes.push(`no update of the step card showed "${expected}" within ${opts.finalTimeoutMs} ms`);
  const b3 = await answerStep(d, url, c, 3);
  const b4 = await answerStep(d, url, c, 4);
  // Settle: one more interval after the final update (a redundant update would show up), and the
  // refresh jobs of stap 3 and 4 are done before the footprint is taken.
  const settleUntil = Math.max((final?.at ?? Date.now()) + opts.minIntervalMs + 1000, b4.lastDoneAt + opts.minIntervalMs + 500);
  await sleep(Math.max(0, settleUntil - Date.now()));
  const k = collabKeys(d.scope, c.collabId);
  const stored = await Promise.all((['step1', 'step2', 'step3', 'step4'] as const).map((s) => redis.hlen(k.answers(s))));
  const batches = [b1, b2, b3, b4];
  const rootUpdates = d.updatesOf(c.rootId);
  return {
    ours: summarize(b2),
    saved: batches.reduce((n, b) => n + b.results.filter((r) => d.saved(r)).length, 0),
    sent: batches.reduce((n, b) => n + b.results.length, 0),
    stored,
    card: cardResult(d, card, b2, final, expected),
    rootCard: { updates: rootUpdates.length, minGapMs: minGap(rootUpdates.map((u) => u.at)) },
    redis: await footprint(redis, d.scope, c.collabId),
    notes,
  };
}

/** Warm-up (not counted): the bare system gets 5 bursts, ours a collaboration with stap 1 and 2 answered, then stap 2 answered again (edits). */
async function warmUp(d: StepDriver, bare: ChildHandle, ours: ChildHandle, redis: Redis, opts: StepOptions): Promise<void> {
  const fake: StepCollab = { round: 0, collabId: 'BAREwarmup000001', rootId: '1700000000.000100' };
  for (let i = 0; i < 5; i++) await runBatch(d.buildAnswers(bare.url, fake, 2), STEP_MEMBERS);
  const c = await startCollab(d, ours.url, redis, 0);
  await answerStep(d, ours.url, c, 1);
  await answerStep(d, ours.url, c, 2);
  await runBatch(d.buildAnswers(ours.url, c, 2), STEP_MEMBERS);
  await sleep(opts.minIntervalMs + 500);
}

export async function benchSteps(d: StepDriver, opts: StepOptions): Promise<StepPlatformResult> {
  const result: StepPlatformResult = {
    platform: d.platform,
    request: d.request,
    members: STEP_MEMBERS,
    expectedProgress: progressLine(STEP_MEMBERS, d.membersShown),
    rounds: [],
    notes: [],
  };
  const redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 1 });
  let bare: ChildHandle | undefined;
  let ours: ChildHandle | undefined;
  try {
    opts.log(`${d.platform} steps: starting bare and ours, warming up ...`);
    [bare, ours] = await Promise.all([d.startBare(), d.startOurs()]);
    await warmUp(d, bare, ours, redis, opts);
    for (let round = 1; round <= opts.rounds; round++) {
      opts.log(`${d.platform} steps: round ${round}/${opts.rounds}`);
      // The bare framework gets the same kind of request (same answers, round ids) right before ours.
      const b = await runBatch(d.buildAnswers(bare.url, { round, collabId: 'BAREcollab000001', rootId: '1700000000.000100' }, 2), STEP_MEMBERS);
      const o = await oursRound(d, ours.url, redis, opts, round);
      result.rounds.push({ bare: summarize(b), ...o });
    }
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  } finally {
    // Rounds finished before an error still count (the section says ERROR as well).
    if (result.rounds.length > 0) {
      result.bare = medianSummary(result.rounds.map((r) => r.bare));
      result.ours = medianSummary(result.rounds.map((r) => r.ours));
    }
    result.notes.push(...d.notes());
    redis.disconnect();
    await Promise.all([bare?.close(), ours?.close()]);
    await d.close();
  }
  return result;
}
