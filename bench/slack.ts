/** Slack: a bare Bolt app vs our app, 1,000 distinct voters of one poll, signed block_actions over HTTP. */
import { startFakeSlack, type FakeSlack, type RecordedCall } from '../test/support/fake-slack.js';
import { blockActionsBody, postSigned, signSlackRequest, slashCommandBody } from '../test/support/slack-signing.js';
import { startChild, type ChildHandle } from './child.js';
import { minGap, runBatch, sleep, summarize, type BatchResult, type PreparedRequest } from './load.js';
import type { CardResult, Check, PlatformResult, SystemResult } from './report.js';
import { choiceFor, expectedTally, formatTally, sameTally, slackTally, type Tally } from './tally.js';

const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-bench-token';
const TEAM = 'T0BENCH';
const CHANNEL = 'C0BENCH';
const FACILITATOR = 'U0FACI';

export interface BenchOptions {
  redisUrl: string;
  voters: number;
  warmup: number;
  concurrency: number;
  /** The product's refresh interval (default timing is used by the app; this is only for the settle wait). */
  minIntervalMs: number;
  finalTimeoutMs: number;
  profileDir?: string;
  log: (line: string) => void;
}

const userId = (prefix: string, i: number): string => `${prefix}${String(i).padStart(5, '0')}`;

/** Builds and signs `count` votes (users `<prefix>00001`...) before any timing starts. */
function buildVotes(url: string, fake: FakeSlack, prefix: string, count: number, pollId: string, ts: string): PreparedRequest[] {
  const out: PreparedRequest[] = [];
  for (let i = 1; i <= count; i++) {
    const req = blockActionsBody({
      actionId: `poll_vote_${choiceFor(i)}`,
      value: pollId,
      userId: userId(prefix, i),
      teamId: TEAM,
      channelId: CHANNEL,
      messageTs: ts,
      responseUrl: `${fake.responseUrlBase}/bench-${prefix}-${i}`,
    });
    out.push({
      url,
      body: req.body,
      headers: {
        'Content-Type': req.contentType,
        'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
        ...signSlackRequest(SIGNING_SECRET, req.body),
      },
    });
  }
  return out;
}

async function openPoll(url: string, fake: FakeSlack, tag: string): Promise<{ pollId: string; ts: string }> {
  const before = fake.callsTo('chat.postMessage').length;
  const res = await postSigned(
    url,
    SIGNING_SECRET,
    slashCommandBody({ text: `poll Bench ${tag}`, userId: FACILITATOR, teamId: TEAM, channelId: CHANNEL, responseUrl: `${fake.responseUrlBase}/open-${tag}` }),
  );
  if (res.status !== 200) throw new Error(`slash command answered ${res.status}`);
  const call = await fake.waitFor((c) => c.method === 'chat.postMessage' && fake.callsTo('chat.postMessage').indexOf(c) >= before, 10_000);
  const blocks = call.args.blocks as { type: string; elements?: { value: string }[] }[];
  const pollId = blocks.find((b) => b.type === 'actions')?.elements?.[0]?.value ?? '';
  if (!pollId) throw new Error('poll card has no buttons');
  return { pollId, ts: String((call.response as { ts: string }).ts) };
}

const updatesOf = (fake: FakeSlack, ts: string): RecordedCall[] => fake.calls.filter((c) => c.method === 'chat.update' && c.args.ts === ts);

function waitForTally(fake: FakeSlack, ts: string, tally: Tally, timeoutMs: number): Promise<RecordedCall | undefined> {
  return fake
    .waitFor((c) => c.method === 'chat.update' && c.args.ts === ts && sameTally(slackTally(c.args.blocks), tally), timeoutMs)
    .catch(() => undefined);
}

function okChecks(name: string, batch: BatchResult): Check {
  const ok = batch.results.filter((r) => r.status === 200).length;
  const statuses = [...new Set(batch.results.filter((r) => r.status !== 200).map((r) => r.error ?? String(r.status)))].join(',');
  return { name: `${name}: all votes answered 200`, value: `${ok}/${batch.results.length}${statuses ? ` (${statuses})` : ''}`, target: 'all', pass: ok === batch.results.length };
}

async function runBare(fake: FakeSlack, opts: BenchOptions): Promise<{ result: SystemResult; batch: BatchResult }> {
  const child = await startChild({ system: 'slack-bare', signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN }, opts.profileDir);
  try {
    // Any syntactically valid poll id: the bare app does not look at it.
    const pollId = 'BAREPOLL00000000';
    await runBatch(buildVotes(child.url, fake, 'W', opts.warmup, pollId, '1700000000.000100'), opts.concurrency);
    const votes = buildVotes(child.url, fake, 'U', opts.voters, pollId, '1700000000.000200');
    const memBefore = await child.mem();
    const batch = await runBatch(votes, opts.concurrency);
    const memAfter = await child.mem();
    return { result: { summary: summarize(batch), memBefore, memAfter }, batch };
  } finally {
    await child.close();
  }
}

async function runOurs(
  fake: FakeSlack,
  opts: BenchOptions,
): Promise<{ result: SystemResult; batch: BatchResult; card: CardResult; checks: Check[]; notes: string[] }> {
  const child: ChildHandle = await startChild(
    { system: 'slack-ours', signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, redisUrl: opts.redisUrl, slackApiUrl: fake.apiUrl },
    opts.profileDir,
  );
  const notes: string[] = [];
  try {
    // Warm-up on its own poll and user ids; wait until its card settled so it does not overlap the measured run.
    const warm = await openPoll(child.url, fake, 'warmup');
    await runBatch(buildVotes(child.url, fake, 'W', opts.warmup, warm.pollId, warm.ts), opts.concurrency);
    const warmDone = await waitForTally(fake, warm.ts, expectedTally(opts.warmup), opts.finalTimeoutMs);
    if (!warmDone) notes.push('warm-up poll never showed its exact tally');
    await sleep(opts.minIntervalMs + 200);

    const poll = await openPoll(child.url, fake, 'measured');
    const votes = buildVotes(child.url, fake, 'U', opts.voters, poll.pollId, poll.ts);
    const expected = expectedTally(opts.voters);
    const responseUrlBefore = fake.callsTo('response_url').length;
    const memBefore = await child.mem();
    const batch = await runBatch(votes, opts.concurrency);
    const final = await waitForTally(fake, poll.ts, expected, opts.finalTimeoutMs);
    // Keep watching one more interval: a redundant update after the final one would show up here.
    await sleep(opts.minIntervalMs + 1000);
    const memAfter = await child.mem();

    const updates = updatesOf(fake, poll.ts);
    const last = updates[updates.length - 1];
    const lastTally = last ? slackTally(last.args.blocks) : undefined;
    const card: CardResult = {
      updates: updates.length,
      updateOffsetsMs: updates.map((u) => u.at - batch.startedAt),
      minIntervalMs: minGap(updates.map((u) => u.at)),
      finalDelayMs: final ? final.at - batch.lastDoneAt : undefined,
      finalExact: sameTally(lastTally, expected),
      updatesAfterFinal: final ? updates.length - 1 - updates.indexOf(final) : 0,
      expected: formatTally(expected),
      lastSeen: formatTally(lastTally),
    };
    const errorsToUsers = fake.callsTo('response_url').length - responseUrlBefore;
    const failedUpdates = updates.filter((u) => u.status !== 200 || (u.response as { ok?: boolean }).ok !== true).length;
    const checks: Check[] = [
      okChecks('ours', batch),
      { name: 'ours: no error replies to voters', value: String(errorsToUsers), target: '0', pass: errorsToUsers === 0 },
      { name: 'ours: card updates accepted by Slack', value: `${updates.length - failedUpdates}/${updates.length}`, target: 'all', pass: failedUpdates === 0 },
    ];
    return { result: { summary: summarize(batch), memBefore, memAfter }, batch, card, checks, notes };
  } finally {
    await child.close();
  }
}

export async function benchSlack(opts: BenchOptions): Promise<PlatformResult> {
  const fake = await startFakeSlack({ teamId: TEAM });
  const result: PlatformResult = { platform: 'slack', extraChecks: [], notes: [] };
  try {
    opts.log('slack: bare Bolt ...');
    const bare = await runBare(fake, opts);
    result.bare = bare.result;
    result.extraChecks.push(okChecks('bare', bare.batch));
    opts.log('slack: our app ...');
    const ours = await runOurs(fake, opts);
    result.ours = ours.result;
    result.card = ours.card;
    result.extraChecks.push(...ours.checks);
    result.notes.push(...ours.notes);
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  } finally {
    await fake.close();
  }
  return result;
}
