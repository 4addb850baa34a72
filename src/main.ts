import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import type { Queue, Worker } from 'bullmq';
import type { App } from '@slack/bolt';
import { loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import type { PollDeps } from './app/deps.js';
import type { Clock, Messengers, RefreshTiming } from './app/ports.js';
import { newPollId } from './app/open-poll.js';
import { refreshPollCard } from './app/refresh-poll-card.js';
import { RedisPollStore } from './store/redis-poll-store.js';
import { RedisKvStore } from './store/kv-store.js';
import { createCardRefreshQueue, createCardRefreshWorker, defaultRefreshTiming, QueueCardRefresher } from './jobs/card-refresh.js';
import { createHttpServer, type Route } from './http/server.js';
import { healthRoute } from './http/health.js';
import { createSlackApp } from './platforms/slack/slack-app.js';
import { SlackHttpReceiver } from './platforms/slack/http-receiver.js';
import { ReplayGuard } from './platforms/slack/replay-guard.js';
import { SlackLocales } from './platforms/slack/locale.js';
import { SlackMessenger } from './platforms/slack/slack-messenger.js';
import { createTeamsAdapter, handleTeamsRequest } from './platforms/teams/teams-endpoint.js';
import { WerktSamenTeamsBot } from './platforms/teams/bot.js';
import { TeamsMessenger } from './platforms/teams/teams-messenger.js';
import { startPrivateRedis, type PrivateRedis } from './dev/private-redis.js';

export interface BuildOptions {
  clock?: Clock;
  logger?: Logger;
  refreshTiming?: RefreshTiming;
  /** Slack Web API retries (tests use 0 to see failures at once). */
  slackRetries?: number;
}

export interface Running {
  server?: Server;
  worker?: Worker;
  queue: Queue;
  slackApp?: App;
  port(): number;
  close(): Promise<void>;
}

// Fail fast while Redis is down (the user is told to retry) and reconnect in the background.
const appRedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (n: number) => Math.min(n * 100, 1000) };
// BullMQ's blocking worker connection must wait out outages instead of failing commands.
const workerRedisOptions = { maxRetriesPerRequest: null, retryStrategy: (n: number) => Math.min(n * 100, 1000) };

function waitReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => redis.once('ready', () => resolve()));
}

/**
 * Builds and starts the product for a configuration: one HTTP server (web role) and the card
 * refresh worker (worker role), on one Redis. The only place objects are wired together.
 */
export async function buildApp(config: Config, redisUrl: string, opts: BuildOptions = {}): Promise<Running> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const clock = opts.clock ?? { now: () => Date.now() };
  const redis = new Redis(redisUrl, appRedisOptions);
  redis.on('error', (err: Error) => logger.warn({ err: err.name }, 'redis connection problem'));
  await waitReady(redis);
  const queueRedis = new Redis(redisUrl, { ...workerRedisOptions, enableOfflineQueue: false });
  queueRedis.on('error', () => undefined);
  await waitReady(queueRedis);
  const queue = createCardRefreshQueue(queueRedis);
  const store = new RedisPollStore(redis);
  const kv = new RedisKvStore(redis);
  const refreshTiming = opts.refreshTiming ?? defaultRefreshTiming;
  const refresher = new QueueCardRefresher(redis, queue, refreshTiming);
  const messengers: Messengers = {};
  const deps: PollDeps = { store, messengers, refresher, refreshTiming, clock, newId: newPollId };
  const routes: Record<string, Route> = { '/healthz': healthRoute(redis) };

  let slackApp: App | undefined;
  if (config.slack) {
    const slack = config.slack;
    const receiver = slack.signingSecret
      ? new SlackHttpReceiver(slack.signingSecret, new ReplayGuard(kv, () => Math.floor(clock.now() / 1000)), logger, () => Math.floor(clock.now() / 1000))
      : undefined;
    const locales = new SlackLocales(kv);
    slackApp = createSlackApp(
      { botToken: slack.botToken, apiUrl: slack.apiUrl, appToken: slack.appToken, receiver, retries: opts.slackRetries ?? 3 },
      logger,
      () => ({ deps, kv, locales, logger }),
    );
    messengers.slack = new SlackMessenger(slackApp.client);
    if (receiver && !slack.appToken) {
      routes['/slack/events'] = async (req) => (req.method === 'POST' ? receiver.handle(req) : { status: 405 });
    }
  }

  const teamsMode = config.teams;
  const adapter = createTeamsAdapter(teamsMode, logger);
  if (teamsMode.mode !== 'disabled') {
    messengers.teams = new TeamsMessenger(adapter, teamsMode.mode === 'authenticated' ? teamsMode.appId : '');
  }
  const bot = new WerktSamenTeamsBot(deps, kv, logger);
  routes['/api/messages'] = (req) => handleTeamsRequest(teamsMode, adapter, bot, req);
  if (teamsMode.mode === 'local') {
    logger.warn('TEAMS_LOCAL_MODE is on: /api/messages accepts UNAUTHENTICATED requests. Never use this in production.');
  } else if (teamsMode.mode === 'disabled') {
    logger.warn('Teams is not configured (no MICROSOFT_APP_ID/MICROSOFT_APP_PASSWORD): /api/messages refuses every request.');
  }
  if (!config.slack) logger.info('Slack is not configured (no SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN).');

  let worker: Worker | undefined;
  let workerRedis: Redis | undefined;
  if (config.role !== 'web') {
    workerRedis = new Redis(redisUrl, workerRedisOptions);
    workerRedis.on('error', () => undefined);
    worker = createCardRefreshWorker(workerRedis, (scope, pollId) => refreshPollCard(deps, refresher, scope, pollId));
    worker.on('failed', (job, err) => logger.warn({ jobId: job?.id, err: err.name, attempts: job?.attemptsMade }, 'card refresh failed'));
  }

  let server: Server | undefined;
  if (config.role !== 'worker') {
    server = createHttpServer(routes, logger);
    await new Promise<void>((resolve) => (config.host ? server!.listen(config.port, config.host, resolve) : server!.listen(config.port, resolve)));
    if (slackApp && config.slack?.appToken) await slackApp.start();
  }

  return {
    server,
    worker,
    queue,
    slackApp,
    port: () => (server?.address() as AddressInfo | null)?.port ?? 0,
    async close() {
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      if (slackApp && config.slack?.appToken) await slackApp.stop();
      await worker?.close();
      // BullMQ leaves connections it was given open.
      workerRedis?.disconnect();
      await queue.close();
      redis.disconnect();
      queueRedis.disconnect();
    },
  };
}

/** Reads the environment, starts a private Redis when none is configured, and runs until a signal. */
export async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  let privateRedis: PrivateRedis | undefined;
  let redisUrl = config.redisUrl;
  if (!redisUrl) {
    privateRedis = await startPrivateRedis(config.dataDir);
    redisUrl = privateRedis.url;
    logger.info({ dataDir: config.dataDir }, 'REDIS_URL not set: started a private redis-server');
  }
  const running = await buildApp(config, redisUrl, { logger });
  logger.info(
    { port: running.port(), role: config.role, slack: Boolean(config.slack), teams: config.teams.mode },
    'WerktSamen is running',
  );
  const stop = async (): Promise<void> => {
    await running.close();
    await privateRedis?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
