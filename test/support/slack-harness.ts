import { buildApp, type Running } from '../../src/main.js';
import { loadConfig } from '../../src/config.js';
import type { Clock, RefreshTiming } from '../../src/app/ports.js';
import { startFakeSlack, type FakeSlack, type RecordedCall } from './fake-slack.js';
import { captureLogs, type CapturedLogs } from './log-capture.js';
import { startRedis, type RedisServerHandle } from './redis-server.js';
import { blockActionsBody, postSigned, slashCommandBody, type PostSignedOptions, type SimpleResponse, type SlackRequestBody } from './slack-signing.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const VOTER_SECRET = 'test-voter-secret-0123456789-abcdefghijklmnop';
export const TEAM = 'T0WERKTSAMEN';
export const CHANNEL = 'C0SAMENWERK';

/** Card updates 100 ms apart, so tests see several in a second. */
export const testTiming = (minIntervalMs = 100): RefreshTiming => ({ minIntervalMs, pendingTtlMs: 15_000, leaseMs: 30_000 });

export interface SlackHarness {
  redis: RedisServerHandle;
  fake: FakeSlack;
  app: Running;
  url: string;
  logs: CapturedLogs;
  post(req: SlackRequestBody, opts?: PostSignedOptions): Promise<SimpleResponse>;
  /** Runs `/werktsamen <text>` as `userId`; resolves with the poll card's chat.postMessage call. */
  openPoll(userId: string, text?: string, userName?: string): Promise<{ pollId: string; ts: string; call: RecordedCall }>;
  click(userId: string, pollId: string, actionId: string, ts: string, responseTag?: string, userName?: string): Promise<SimpleResponse>;
  /** Waits until a chat.update of `ts` shows `text`. */
  waitForCard(ts: string, text: string): Promise<RecordedCall>;
  close(): Promise<void>;
}

let responseCounter = 0;

/** The real app (real Bolt, real Redis, real BullMQ worker) against a fake Slack Web API. */
export async function startSlackHarness(
  opts: { minIntervalMs?: number; persist?: boolean; env?: Record<string, string>; clock?: Clock } = {},
): Promise<SlackHarness> {
  const redis = await startRedis({ persist: opts.persist });
  const fake = await startFakeSlack({ teamId: TEAM });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    REDIS_URL: redis.url,
    VOTER_SECRET,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: fake.apiUrl,
    ...opts.env,
  });
  const logs = captureLogs();
  const app = await buildApp(config, redis.url, { logger: logs.logger, slackRetries: 0, refreshTiming: testTiming(opts.minIntervalMs), clock: opts.clock });
  const url = `http://127.0.0.1:${app.port()}/slack/events`;
  const post = (req: SlackRequestBody, o?: PostSignedOptions) => postSigned(url, SIGNING_SECRET, req, o);
  return {
    redis,
    fake,
    app,
    url,
    logs,
    post,
    async openPoll(userId, text = 'poll', userName) {
      const before = fake.callsTo('chat.postMessage').length;
      const res = await post(slashCommandBody({ text, userId, userName, teamId: TEAM, channelId: CHANNEL, responseUrl: `${fake.responseUrlBase}/cmd-${++responseCounter}` }));
      if (res.status !== 200) throw new Error(`slash command answered ${res.status}`);
      const call = await fake.waitFor((c) => c.method === 'chat.postMessage' && fake.callsTo('chat.postMessage').indexOf(c) >= before);
      const blocks = call.args.blocks as { type: string; elements?: { value: string }[] }[];
      const pollId = blocks.find((b) => b.type === 'actions')?.elements?.[0]?.value ?? '';
      return { pollId, ts: String((call.response as { ts: string }).ts), call };
    },
    click(userId, pollId, actionId, ts, responseTag = `click-${++responseCounter}`, userName) {
      return post(
        blockActionsBody({ actionId, value: pollId, userId, userName, teamId: TEAM, channelId: CHANNEL, messageTs: ts, responseUrl: `${fake.responseUrlBase}/${responseTag}` }),
      );
    },
    waitForCard(ts, text) {
      return fake.waitFor((c) => c.method === 'chat.update' && c.args.ts === ts && JSON.stringify(c.args.blocks).includes(text), 10_000);
    },
    async close() {
      await app.close();
      await fake.close();
      await redis.stop();
    },
  };
}
