/** Slack driver: signed block_actions over HTTP to a bare Bolt app and to our app, against a fake Slack Web API. */
import { startFakeSlack, type RecordedCall } from '../test/support/fake-slack.js';
import { blockActionsBody, postSigned, signSlackRequest, slashCommandBody } from '../test/support/slack-signing.js';
import { pollKeys } from '../src/store/keys.js';
import { startChild } from './child.js';
import type { PreparedRequest } from './load.js';
import type { BenchOptions, CardUpdate, PlatformDriver, PollRef } from './platform.js';
import { choiceFor, slackTally, sameTally } from './tally.js';

const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-bench-token';
const TEAM = 'T0BENCH';
const CHANNEL = 'C0BENCH';
const FACILITATOR = 'U0FACI';

const userId = (prefix: string, i: number): string => `${prefix}${String(i).padStart(5, '0')}`;
/** response_url path of one vote: unique per poll and voter, so replies can be matched to voters. */
const replyPath = (pollId: string, prefix: string, i: number): string => `vote-${pollId}-${prefix}-${i}`;

const toUpdate = (c: RecordedCall): CardUpdate => ({
  at: c.at,
  tally: slackTally(c.args.blocks),
  accepted: c.status === 200 && (c.response as { ok?: boolean } | undefined)?.ok === true,
});

export async function slackDriver(opts: BenchOptions): Promise<PlatformDriver> {
  const fake = await startFakeSlack({ teamId: TEAM });
  const isUpdateOf = (c: RecordedCall, ts: string): boolean => c.method === 'chat.update' && c.args.ts === ts;
  return {
    platform: 'slack',
    startBare: () => startChild({ system: 'slack-bare', signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN }, opts.profileDir),
    startOurs: () =>
      startChild({ system: 'slack-ours', signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, redisUrl: opts.redisUrl, slackApiUrl: fake.apiUrl }, opts.profileDir),

    // Signing is Slack's work, not ours: bodies are built and signed before the batch is timed.
    buildVotes(url: string, prefix: string, count: number, poll: PollRef, firstId: number): PreparedRequest[] {
      const out: PreparedRequest[] = [];
      for (let i = 1; i <= count; i++) {
        const req = blockActionsBody({
          actionId: `poll_vote_${choiceFor(i)}`,
          value: poll.pollId,
          userId: userId(prefix, firstId + i - 1),
          teamId: TEAM,
          channelId: CHANNEL,
          messageTs: poll.cardId,
          responseUrl: `${fake.responseUrlBase}/${replyPath(poll.pollId, prefix, i)}`,
        });
        out.push({
          url,
          body: req.body,
          headers: { 'Content-Type': req.contentType, 'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)', ...signSlackRequest(SIGNING_SECRET, req.body) },
        });
      }
      return out;
    },

    async openPoll(url: string, tag: string): Promise<PollRef> {
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
      if (!pollId) throw new Error('the poll card has no buttons');
      return { pollId, cardId: String((call.response as { ts: string }).ts) };
    },

    observeUpdates(ts, onUpdate, timeoutMs) {
      // waitFor with a predicate that never matches is the fake's only event hook; it ends on stop() + next call, timeout or close.
      let stopped = false;
      fake
        .waitFor((c) => {
          if (!stopped && isUpdateOf(c, ts)) onUpdate(c.at);
          return stopped;
        }, timeoutMs)
        .catch(() => undefined);
      return { stop: () => void (stopped = true) };
    },

    refreshKey: (pollId) => pollKeys({ platform: 'slack', tenant: TEAM }, pollId).refresh,

    updatesOf: (ts) => fake.calls.filter((c) => isUpdateOf(c, ts)).map(toUpdate),

    waitForTally: (ts, tally, timeoutMs) =>
      fake
        .waitFor((c) => isUpdateOf(c, ts) && sameTally(slackTally(c.args.blocks), tally), timeoutMs)
        .then(toUpdate, () => undefined),

    // Our app acks first, then counts the vote. It writes to a voter's response_url only to report an
    // error, so every reply there is one. This runs after the exact final tally reached the card,
    // by which time any error reply has long been sent.
    async checkOurs(batch, poll) {
      const prefix = `/respond/vote-${poll.pollId}-U-`;
      const errors = fake.calls.filter((c) => c.method === 'response_url' && c.path.startsWith(prefix) && c.at >= batch.startedAt).length;
      return {
        checks: [{ name: 'ours: no error replies to voters', value: String(errors), target: '0', pass: errors === 0 }],
        notes: [],
      };
    },

    close: () => fake.close(),
  };
}
