/** Teams: a bare CloudAdapter bot vs our app, 1,000 distinct voters, Action.Execute invokes over HTTP. */
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../test/support/fake-connector.js';
import { activity, cardOf, user } from '../test/support/teams-harness.js';
import { startChild } from './child.js';
import { minGap, runBatch, sleep, summarize, type BatchResult, type PreparedRequest } from './load.js';
import type { BenchOptions } from './slack.js';
import type { CardResult, Check, PlatformResult, SystemResult } from './report.js';
import { choiceFor, expectedTally, formatTally, LABELS, sameTally, teamsTally, type Tally } from './tally.js';

const FACILITATOR = user('Facilitator');
const name = (prefix: string, i: number): string => `${prefix}${String(i).padStart(5, '0')}`;

/** Builds `count` invokes from distinct users (from.id 29:<prefix>NNNNN, aadObjectId aad-<prefix>NNNNN). */
function buildInvokes(url: string, serviceUrl: string, prefix: string, count: number, pollId: string): PreparedRequest[] {
  const out: PreparedRequest[] = [];
  for (let i = 1; i <= count; i++) {
    const a = activity(user(name(prefix, i)), serviceUrl, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'vote', data: { pollId, choice: choiceFor(i) } }, trigger: 'manual' },
    });
    out.push({ url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });
  }
  return out;
}

async function openPoll(url: string, connector: FakeConnector, tag: string): Promise<{ pollId: string; activityId: string }> {
  const before = connector.calls.length;
  const a = activity(FACILITATOR, connector.serviceUrl, {
    type: 'message',
    text: `<at>WerktSamen</at> poll Bench ${tag}`,
    entities: [{ type: 'mention', text: '<at>WerktSamen</at>', mentioned: { id: '28:werktsamen-bot', name: 'WerktSamen' } }],
  });
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a), signal: AbortSignal.timeout(10_000) });
  await res.text();
  if (res.status !== 200) throw new Error(`mention answered ${res.status}`);
  const call = await connector.waitFor((c) => c.method === 'POST' && connector.calls.indexOf(c) >= before && Boolean(c.body.attachments), 10_000);
  const card = cardOf(call) as { actions?: { data?: { pollId?: string } }[] };
  const pollId = card.actions?.[0]?.data?.pollId ?? '';
  if (!pollId) throw new Error('poll card has no buttons');
  return { pollId, activityId: call.responseId };
}

const updatesOf = (connector: FakeConnector, activityId: string): ConnectorCall[] =>
  connector.calls.filter((c) => c.method === 'PUT' && c.activityId === activityId);

function waitForTally(connector: FakeConnector, activityId: string, tally: Tally, timeoutMs: number): Promise<ConnectorCall | undefined> {
  return connector
    .waitFor((c) => c.method === 'PUT' && c.activityId === activityId && sameTally(teamsTally(cardOf(c)), tally), timeoutMs)
    .catch(() => undefined);
}

function okCheck(who: string, batch: BatchResult): Check {
  const ok = batch.results.filter((r) => r.status === 200).length;
  const statuses = [...new Set(batch.results.filter((r) => r.status !== 200).map((r) => r.error ?? String(r.status)))].join(',');
  return { name: `${who}: all invokes answered 200`, value: `${ok}/${batch.results.length}${statuses ? ` (${statuses})` : ''}`, target: 'all', pass: ok === batch.results.length };
}

/** How many invoke responses show exactly that voter's own vote ("Jouw stem: <label>"). */
function ownVoteShown(batch: BatchResult): number {
  let shown = 0;
  batch.results.forEach((r, idx) => {
    try {
      const value = (JSON.parse(r.body) as { value?: unknown }).value;
      const text = JSON.stringify(value ?? {});
      const own = LABELS[choiceFor(idx + 1)];
      if (text.includes(`Jouw stem: ${own}`) && teamsTally(value) !== undefined) shown++;
    } catch {
      // not JSON: not shown
    }
  });
  return shown;
}

async function runBare(connector: FakeConnector, opts: BenchOptions): Promise<{ result: SystemResult; batch: BatchResult }> {
  const child = await startChild({ system: 'teams-bare' }, opts.profileDir);
  try {
    const pollId = 'BAREPOLL00000000';
    await runBatch(buildInvokes(child.url, connector.serviceUrl, 'W', opts.warmup, pollId), opts.concurrency);
    const invokes = buildInvokes(child.url, connector.serviceUrl, 'U', opts.voters, pollId);
    const memBefore = await child.mem();
    const batch = await runBatch(invokes, opts.concurrency);
    const memAfter = await child.mem();
    return { result: { summary: summarize(batch), memBefore, memAfter }, batch };
  } finally {
    await child.close();
  }
}

async function runOurs(
  connector: FakeConnector,
  opts: BenchOptions,
): Promise<{ result: SystemResult; card: CardResult; checks: Check[]; notes: string[] }> {
  const child = await startChild({ system: 'teams-ours', redisUrl: opts.redisUrl }, opts.profileDir);
  const notes: string[] = [];
  try {
    const warm = await openPoll(child.url, connector, 'warmup');
    await runBatch(buildInvokes(child.url, connector.serviceUrl, 'W', opts.warmup, warm.pollId), opts.concurrency);
    if (!(await waitForTally(connector, warm.activityId, expectedTally(opts.warmup), opts.finalTimeoutMs))) {
      notes.push('warm-up poll never showed its exact tally');
    }
    await sleep(opts.minIntervalMs + 200);

    const poll = await openPoll(child.url, connector, 'measured');
    const invokes = buildInvokes(child.url, connector.serviceUrl, 'U', opts.voters, poll.pollId);
    const expected = expectedTally(opts.voters);
    const memBefore = await child.mem();
    const batch = await runBatch(invokes, opts.concurrency);
    const final = await waitForTally(connector, poll.activityId, expected, opts.finalTimeoutMs);
    await sleep(opts.minIntervalMs + 1000);
    const memAfter = await child.mem();

    const updates = updatesOf(connector, poll.activityId);
    const last = updates[updates.length - 1];
    const lastTally = last ? teamsTally(cardOf(last)) : undefined;
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
    const shown = ownVoteShown(batch);
    const checks: Check[] = [
      okCheck('ours', batch),
      { name: "ours: invoke card shows voter's own vote", value: `${shown}/${batch.results.length}`, target: 'all', pass: shown === batch.results.length },
    ];
    return { result: { summary: summarize(batch), memBefore, memAfter }, card, checks, notes };
  } finally {
    await child.close();
  }
}

export async function benchTeams(opts: BenchOptions): Promise<PlatformResult> {
  const connector = await startFakeConnector();
  const result: PlatformResult = { platform: 'teams', extraChecks: [], notes: [] };
  try {
    opts.log('teams: bare CloudAdapter ...');
    const bare = await runBare(connector, opts);
    result.bare = bare.result;
    result.extraChecks.push(okCheck('bare', bare.batch));
    opts.log('teams: our app ...');
    const ours = await runOurs(connector, opts);
    result.ours = ours.result;
    result.card = ours.card;
    result.extraChecks.push(...ours.checks);
    result.notes.push(...ours.notes);
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  } finally {
    await connector.close();
  }
  return result;
}
