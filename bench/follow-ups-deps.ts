/**
 * The product's AppDeps for a Slack deployment, wired as src/main.ts wires them: buildApp builds
 * them inside and hands out no way to reach them, and the follow-up run calls the use cases
 * directly (no HTTP), so the wiring is repeated here. Keep it in step with buildApp.
 */
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { AppDeps } from '../src/app/deps.js';
import type { Messengers } from '../src/app/messenger.js';
import { days, newPollId } from '../src/app/open-poll.js';
import { Pseudonyms } from '../src/app/pseudonyms.js';
import { loadConfig } from '../src/config.js';
import { renderMarkdown } from '../src/dossier/render-markdown.js';
import { createJobQueue, defaultRefreshTiming, QueueScheduler } from '../src/jobs/scheduler.js';
import { createLogger } from '../src/logger.js';
import { SlackHttpReceiver } from '../src/platforms/slack/http-receiver.js';
import { ReplayGuard } from '../src/platforms/slack/replay-guard.js';
import { SlackLocales } from '../src/platforms/slack/locale.js';
import { SlackMessenger } from '../src/platforms/slack/slack-messenger.js';
import { createSlackApp } from '../src/platforms/slack/slack-app.js';
import { RedisDossierLinks } from '../src/store/dossier-links.js';
import { RedisCollabStore } from '../src/store/redis-collab-store.js';
import { RedisFollowUpStore } from '../src/store/redis-follow-up-store.js';
import { RedisKvStore } from '../src/store/kv-store.js';
import { RedisPollStore } from '../src/store/redis-poll-store.js';
import { RedisRegisterStore } from '../src/store/register-store.js';
import { ScopeIndex } from '../src/store/scope-index.js';

export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
export const BENCH_BOT_TOKEN = 'xoxb-bench-token';
export const BENCH_VOTER_SECRET = 'bench-voter-secret-0123456789-abcdefghijklmnop';

/** The environment of a Slack deployment against the fake Web API; `role` as ROLE. */
export function benchConfig(redisUrl: string, slackApiUrl: string, role: 'web' | 'worker') {
  return loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    REDIS_URL: redisUrl,
    VOTER_SECRET: BENCH_VOTER_SECRET,
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
    SLACK_API_URL: slackApiUrl,
    ROLE: role,
    LOG_LEVEL: 'silent',
  });
}

// The values of main.ts' appRedisOptions and workerRedisOptions (not exported there).
const appRedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (n: number) => Math.min(n * 100, 1000) };
const workerRedisOptions = { maxRetriesPerRequest: null, retryStrategy: (n: number) => Math.min(n * 100, 1000) };

export interface ProductDeps {
  deps: AppDeps;
  queue: Queue;
  close(): Promise<void>;
}

export async function productDeps(redisUrl: string, slackApiUrl: string): Promise<ProductDeps> {
  const config = benchConfig(redisUrl, slackApiUrl, 'web');
  const logger = createLogger('silent');
  const clock = { now: () => Date.now() };
  const redis = new Redis(redisUrl, { ...appRedisOptions, lazyConnect: true });
  await redis.connect();
  const queueRedis = new Redis(redisUrl, { ...workerRedisOptions, enableOfflineQueue: false });
  const queue = createJobQueue(queueRedis);
  const index = new ScopeIndex(redis);
  const lifetimes = { pollMaxMs: days(config.retention.pollMaxDays), retentionMs: days(config.retention.retentionDays) };
  const pseudonyms = new Pseudonyms(BENCH_VOTER_SECRET);
  const kv = new RedisKvStore(redis, index, clock.now);
  const messengers: Messengers = {};
  const deps: AppDeps = {
    store: new RedisPollStore(redis, index, lifetimes),
    collabs: new RedisCollabStore(redis, index, lifetimes.retentionMs, clock.now),
    dossier: { links: new RedisDossierLinks(redis, index), publicUrl: config.publicUrl, linkMs: days(config.dossierLinkDays), renderMarkdown },
    register: new RedisRegisterStore(redis, index, lifetimes.retentionMs, clock.now),
    followUps: new RedisFollowUpStore(redis, index, lifetimes.retentionMs, clock.now, (scope, userId) => pseudonyms.person(scope, userId)),
    messengers,
    jobs: new QueueScheduler(redis, queue, defaultRefreshTiming, clock.now),
    refreshTiming: defaultRefreshTiming,
    lifetimes,
    pseudonyms,
    clock,
    newId: newPollId,
  };
  const slack = config.slack!;
  const receiver = new SlackHttpReceiver(slack.signingSecret!, new ReplayGuard(kv, () => Math.floor(clock.now() / 1000)), logger, () => Math.floor(clock.now() / 1000));
  const parts = createSlackApp({ botToken: slack.botToken, apiUrl: slack.apiUrl, receiver, retries: 3 }, logger, (workspace) => ({
    deps,
    kv,
    locales: new SlackLocales(kv, pseudonyms),
    workspace,
    logger,
  }));
  messengers.slack = new SlackMessenger(parts.client, clock.now, async () => (await parts.workspace.resolve()).botUserId);
  return {
    deps,
    queue,
    async close() {
      await queue.close();
      await parts.closeTransport();
      redis.disconnect();
      queueRedis.disconnect();
    },
  };
}
