import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import type { Queue, Worker } from 'bullmq';
import type { App } from '@slack/bolt';
import { loadConfig, type Config } from './config.js';
import { createLogger, routeConsoleToLogger, type Logger } from './logger.js';
import type { AppDeps } from './app/deps.js';
import type { Clock, RefreshTiming } from './app/ports.js';
import type { Messengers } from './app/messenger.js';
import { days, newPollId } from './app/open-poll.js';
import { Pseudonyms } from './app/pseudonyms.js';
import { refreshLiveCard } from './app/refresh-live-card.js';
import { expirePoll } from './app/close-poll.js';
import { sendNudge } from './app/follow-ups/send-nudge.js';
import { sendDigest } from './app/follow-ups/digest.js';
import { adminRoutes } from './http/queue-dashboard.js';
import { RedisFollowUpStore } from './store/redis-follow-up-store.js';
import { postScheduledReminder } from './app/collab/steps.js';
import { RedisPollStore } from './store/redis-poll-store.js';
import { RedisKvStore } from './store/kv-store.js';
import { RedisCollabStore } from './store/redis-collab-store.js';
import { RedisRegisterStore } from './store/register-store.js';
import { RedisDossierLinks } from './store/dossier-links.js';
import { renderMarkdown } from './dossier/render-markdown.js';
import { dossierRoute, DOSSIER_PREFIX } from './http/dossier-route.js';
import { ScopeIndex } from './store/scope-index.js';
import { createJobQueue, createJobWorker, defaultRefreshTiming, QueueScheduler, type JobWorkerTiming } from './jobs/scheduler.js';
import { createHttpServer, type Route } from './http/server.js';
import { healthRoute } from './http/health.js';
import { redisAddress, throttle, waitForRedis } from './store/redis-wait.js';
import { createSlackApp } from './platforms/slack/slack-app.js';
import { SlackHttpReceiver } from './platforms/slack/http-receiver.js';
import { ReplayGuard } from './platforms/slack/replay-guard.js';
import { SlackLocales } from './platforms/slack/locale.js';
import { SlackMessenger } from './platforms/slack/slack-messenger.js';
import { createTeamsAdapter } from './platforms/teams/adapter.js';
import { handleTeamsRequest } from './platforms/teams/teams-endpoint.js';
import { WerktSamenTeamsBot } from './platforms/teams/bot.js';
import { TeamsConversations } from './platforms/teams/conversations.js';
import { TeamsMessenger } from './platforms/teams/teams-messenger.js';
import { startPrivateRedis, type PrivateRedis } from './dev/private-redis.js';
import { loadOrCreateVoterSecret } from './dev/voter-secret.js';

export interface BuildOptions {
  clock?: Clock;
  logger?: Logger;
  refreshTiming?: RefreshTiming;
  /** Slack Web API retries (tests use 0 to see failures at once). */
  slackRetries?: number;
  /** BullMQ lock and stalled-check timings; BullMQ's own unless set (tests shorten them). */
  jobWorkerTiming?: JobWorkerTiming;
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

/**
 * Builds and starts the product for a configuration: the HTTP server (web role; the worker role
 * serves /healthz only) and the poll job worker (worker role), on one Redis. The only place
 * objects are wired together.
 */
export async function buildApp(config: Config, redisUrl: string, opts: BuildOptions = {}): Promise<Running> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  if (!config.voterSecret) throw new Error('VOTER_SECRET is required');
  const clock = opts.clock ?? { now: () => Date.now() };
  const redis = new Redis(redisUrl, { ...appRedisOptions, lazyConnect: true });
  redis.on('error', throttle(10_000, () => logger.warn({ redis: redisAddress(redisUrl) }, 'redis connection problem')));
  await waitForRedis(redis, redisUrl, config.redisConnectTimeoutMs, logger);
  const queueRedis = new Redis(redisUrl, { ...workerRedisOptions, enableOfflineQueue: false });
  queueRedis.on('error', () => undefined);
  const queue = createJobQueue(queueRedis);
  queue.on('error', (err: Error) => logger.warn({ errorClass: err.name, component: 'queue' }, 'queue connection problem'));
  const index = new ScopeIndex(redis);
  const lifetimes = { pollMaxMs: days(config.retention.pollMaxDays), retentionMs: days(config.retention.retentionDays) };
  const store = new RedisPollStore(redis, index, lifetimes);
  const kv = new RedisKvStore(redis, index, clock.now);
  const refreshTiming = opts.refreshTiming ?? defaultRefreshTiming;
  const jobs = new QueueScheduler(redis, queue, refreshTiming, clock.now);
  const pseudonyms = new Pseudonyms(config.voterSecret);
  const messengers: Messengers = {};
  const collabs = new RedisCollabStore(redis, index, lifetimes.retentionMs, clock.now);
  const dossier = { links: new RedisDossierLinks(redis, index), publicUrl: config.publicUrl, linkMs: days(config.dossierLinkDays), renderMarkdown };
  const register = new RedisRegisterStore(redis, index, lifetimes.retentionMs, clock.now);
  const followUps = new RedisFollowUpStore(redis, index, lifetimes.retentionMs, clock.now, (scope, userId) => pseudonyms.person(scope, userId));
  const deps: AppDeps = { store, collabs, dossier, register, followUps, messengers, jobs, refreshTiming, lifetimes, pseudonyms, clock, newId: newPollId };
  const routes: Record<string, Route> = {
    '/healthz': healthRoute(redis),
    [DOSSIER_PREFIX]: dossierRoute(deps),
    ...adminRoutes([queue], config.adminPassword),
  };

  let slackApp: App | undefined;
  let closeSlackTransport: (() => Promise<void>) | undefined;
  if (config.slack) {
    const slack = config.slack;
    const receiver = slack.signingSecret
      ? new SlackHttpReceiver(slack.signingSecret, new ReplayGuard(kv, () => Math.floor(clock.now() / 1000)), logger, () => Math.floor(clock.now() / 1000))
      : undefined;
    const locales = new SlackLocales(kv, pseudonyms);
    const parts = createSlackApp(
      { botToken: slack.botToken, apiUrl: slack.apiUrl, appToken: slack.appToken, receiver, retries: opts.slackRetries ?? 3 },
      logger,
      (workspace) => ({ deps, kv, locales, workspace, logger }),
    );
    slackApp = parts.app;
    closeSlackTransport = parts.closeTransport;
    messengers.slack = new SlackMessenger(parts.client, clock.now, async () => (await parts.workspace.resolve()).botUserId);
    if (receiver && !slack.appToken) routes['/slack/events'] = async (req) => (req.method === 'POST' ? receiver.handle(req) : { status: 405 });
    // Resolve the workspace now, so the log says which one this deployment serves.
    void parts.workspace.resolve().then(
      (id) => logger.info({ team: id.teamId }, 'Slack workspace resolved'),
      (err: unknown) => logger.warn({ errorClass: err instanceof Error ? err.name : typeof err }, 'Slack workspace not resolved yet (auth.test failed); retried on the next request'),
    );
  } else {
    logger.info('Slack is not configured (no SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN).');
  }

  const teamsMode = config.teams;
  const adapter = createTeamsAdapter(teamsMode, logger);
  const policy = { allowedTenants: teamsMode.mode === 'disabled' ? [] : teamsMode.allowedTenants, local: teamsMode.mode === 'local' };
  if (teamsMode.mode !== 'disabled') {
    messengers.teams = new TeamsMessenger(adapter, teamsMode.mode === 'authenticated' ? teamsMode.appId : '', policy.local, clock.now);
  }
  const conversations = new TeamsConversations(kv, config.retention.retentionDays * 24 * 60 * 60);
  const bot = new WerktSamenTeamsBot(deps, conversations, policy, logger);
  routes['/api/messages'] = (req) => handleTeamsRequest(teamsMode, policy, adapter, bot, logger, req);
  if (teamsMode.mode === 'local') {
    logger.warn('TEAMS_LOCAL_MODE is on: /api/messages accepts UNAUTHENTICATED requests from this machine only. Never use this in production.');
  } else if (teamsMode.mode === 'disabled') {
    logger.warn('Teams is not configured (no MICROSOFT_APP_ID/MICROSOFT_APP_PASSWORD): /api/messages refuses every request.');
  }
  if (teamsMode.mode !== 'disabled') {
    if (policy.allowedTenants) logger.info({ tenants: policy.allowedTenants }, 'Teams: only these tenants are served');
    else logger.warn('Teams: any tenant is served (set TEAMS_ALLOWED_TENANTS or MICROSOFT_APP_TENANT_ID to restrict)');
  }
  for (const warning of config.warnings) logger.warn(warning);

  let worker: Worker | undefined;
  let workerRedis: Redis | undefined;
  if (config.role !== 'web') {
    workerRedis = new Redis(redisUrl, workerRedisOptions);
    workerRedis.on('error', () => undefined);
    worker = createJobWorker(workerRedis, {
      refresh: (scope, card) => refreshLiveCard(deps, jobs, scope, card),
      expire: (scope, pollId) => expirePoll(deps, scope, pollId),
      reminder: (scope, collabId) => postScheduledReminder(deps, scope, collabId),
      nudge: (scope, item, next) => sendNudge(deps, scope, item, next),
      digest: (scope, lead, at) => sendDigest(deps, scope, lead, at),
    }, undefined, opts.jobWorkerTiming);
    worker.on('error', (err: Error) => logger.warn({ errorClass: err.name, component: 'worker' }, 'worker connection problem'));
    worker.on('failed', (job, err) => logger.warn({ job: job?.name, jobId: job?.id, errorClass: err.name, attempts: job?.attemptsMade }, 'poll job failed'));
    worker.on('completed', (job, result) => {
      if (typeof result === 'string' && result.startsWith('stopped:')) logger.warn({ job: job.name, jobId: job.id, code: result.slice(8) }, 'job stopped for good');
    });
  }

  // A worker serves /healthz only, so the image's health check fits both roles.
  const server = createHttpServer(config.role === 'worker' ? { '/healthz': healthRoute(redis, () => worker?.isRunning() ?? false) } : routes, logger);
  await new Promise<void>((resolve) => (config.host ? server.listen(config.port, config.host, resolve) : server.listen(config.port, resolve)));
  if (slackApp && config.slack?.appToken && config.role !== 'worker') await slackApp.start();

  return {
    server,
    worker,
    queue,
    slackApp,
    port: () => (server.address() as AddressInfo | null)?.port ?? 0,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (slackApp && config.slack?.appToken && config.role !== 'worker') await slackApp.stop();
      if (worker) await closeWorker(worker, logger);
      await closeSlackTransport?.();
      // BullMQ leaves connections it was given open.
      workerRedis?.disconnect();
      await queue.close();
      redis.disconnect();
      queueRedis.disconnect();
    },
  };
}

const WORKER_CLOSE_MS = 10_000;

/**
 * Lets running jobs finish, but not forever: BullMQ's close has no timeout of its own, and right
 * after a Redis outage it can wait on a connection that is still coming back. After the bound we
 * stop waiting; the connections are cut by the caller, and an interrupted job runs again elsewhere.
 */
async function closeWorker(worker: Worker, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([
    worker.close().then(() => true, () => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), WORKER_CLOSE_MS))),
  ]);
  clearTimeout(timer);
  if (!closed) logger.warn({ waitedMs: WORKER_CLOSE_MS }, 'job worker did not close in time; stopping anyway');
}

/** Reads the environment, starts a private Redis when none is configured, and runs until a signal. */
export async function main(): Promise<void> {
  let config = loadConfig();
  const logger = createLogger(config.logLevel);
  routeConsoleToLogger(logger);
  let privateRedis: PrivateRedis | undefined;
  let redisUrl = config.redisUrl;
  if (!redisUrl) {
    privateRedis = await startPrivateRedis(config.dataDir);
    redisUrl = privateRedis.url;
    config = { ...config, voterSecret: config.voterSecret ?? loadOrCreateVoterSecret(config.dataDir) };
    logger.info({ dataDir: config.dataDir }, 'REDIS_URL not set: started a private redis-server (voter secret kept in DATA_DIR)');
  }
  const running = await buildApp(config, redisUrl, { logger });
  logger.info({ port: running.port(), role: config.role, slack: Boolean(config.slack), teams: config.teams.mode }, 'WerktSamen is running');
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
