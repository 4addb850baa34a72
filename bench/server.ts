/**
 * The system under test, in its own process (forked by bench/run.ts), so the load generator and
 * the fakes do not share an event loop with the server being measured.
 *
 * Systems:
 *   slack-ours  buildApp() with Slack (real Bolt, our receiver, Redis, BullMQ worker)
 *   slack-bare  a bare Bolt App (HTTPReceiver) with a no-op action listener and a no-op view listener
 *   teams-ours  buildApp() in TEAMS_LOCAL_MODE (real CloudAdapter, Redis, BullMQ worker)
 *   teams-bare  a bare CloudAdapter + TeamsActivityHandler answering a static card, behind node:http
 *
 * IPC: the child sends {type:'ready', url}; the parent may send {type:'mem'} (answer
 * {type:'mem', rss, heapUsed, eluIdle, eluActive}: memory and cumulative event-loop idle/active ms)
 * and {type:'close'} (answer {type:'closed'}, then exit).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { readBody } from './load.js';

export type SystemName = 'slack-ours' | 'slack-bare' | 'teams-ours' | 'teams-bare';

export interface ServerSpec {
  system: SystemName;
  redisUrl?: string;
  slackApiUrl?: string;
  signingSecret?: string;
  botToken?: string;
}

export type ChildMessage =
  | { type: 'ready'; url: string }
  | { type: 'mem'; rss: number; heapUsed: number; eluIdle: number; eluActive: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };
export type ParentMessage = { type: 'mem' } | { type: 'close' };

/** Hard stop: the child never outlives a stuck run. */
const CHILD_LIFETIME_MS = 170_000;
const LOOPBACK = '127.0.0.1';

interface Started {
  url: string;
  close(): Promise<void>;
}

/**
 * Experiment hook: BENCH_OURS_REDIS_QUERY (e.g. `enableAutoPipelining=true`) is appended to our app's
 * Redis URL; ioredis reads URL query parameters as connection options. Empty by default.
 */
function oursRedisUrl(spec: ServerSpec): string {
  const q = process.env['BENCH_OURS_REDIS_QUERY'];
  return q ? `${spec.redisUrl!}?${q}` : spec.redisUrl!;
}

const BENCH_VOTER_SECRET = 'bench-voter-secret-0123456789-abcdefghijklmnop';

async function startSlackOurs(spec: ServerSpec): Promise<Started> {
  const { buildApp } = await import('../src/main.js');
  const { loadConfig } = await import('../src/config.js');
  const { createLogger } = await import('../src/logger.js');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    REDIS_URL: oursRedisUrl(spec),
    VOTER_SECRET: BENCH_VOTER_SECRET,
    SLACK_SIGNING_SECRET: spec.signingSecret,
    SLACK_BOT_TOKEN: spec.botToken,
    SLACK_API_URL: spec.slackApiUrl,
  });
  // Default refresh timing on purpose: the real 2000 ms interval.
  const app = await buildApp(config, oursRedisUrl(spec), { logger: createLogger('silent'), slackRetries: 0 });
  return { url: `http://${LOOPBACK}:${app.port()}/slack/events`, close: () => app.close() };
}

async function startTeamsOurs(spec: ServerSpec): Promise<Started> {
  const { buildApp } = await import('../src/main.js');
  const { loadConfig } = await import('../src/config.js');
  const { createLogger } = await import('../src/logger.js');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', REDIS_URL: oursRedisUrl(spec), VOTER_SECRET: BENCH_VOTER_SECRET, TEAMS_LOCAL_MODE: 'true' });
  const app = await buildApp(config, oursRedisUrl(spec), { logger: createLogger('silent') });
  return { url: `http://${LOOPBACK}:${app.port()}/api/messages`, close: () => app.close() };
}

async function startSlackBare(spec: ServerSpec): Promise<Started> {
  const { App, HTTPReceiver, LogLevel } = await import('@slack/bolt');
  const receiver = new HTTPReceiver({ signingSecret: spec.signingSecret!, logLevel: LogLevel.ERROR });
  const app = new App({
    token: spec.botToken,
    receiver,
    tokenVerificationEnabled: false,
    botId: 'BBOT',
    botUserId: 'UBOT',
    logLevel: LogLevel.ERROR,
  });
  app.action(/.*/, async ({ ack }) => {
    await ack();
  });
  // The step-card run (bench/steps.ts) sends modal submissions; Bolt needs a listener to ack them.
  app.view(/.*/, async ({ ack }) => {
    await ack();
  });
  const server = (await app.start({ port: 0, host: LOOPBACK })) as Server;
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK}:${port}/slack/events`,
    close: async () => {
      server.closeAllConnections();
      await app.stop();
    },
  };
}

async function startTeamsBare(): Promise<Started> {
  const { CloudAdapter, ConfigurationBotFrameworkAuthentication, TeamsActivityHandler } = await import('botbuilder');
  type InvokeResponse = import('botbuilder').AdaptiveCardInvokeResponse;
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'Bedankt', wrap: true }],
  };
  class BareBot extends TeamsActivityHandler {
    protected override async onAdaptiveCardInvoke(): Promise<InvokeResponse> {
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
    }
  }
  const bot = new BareBot();
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = createServer((req, res) => {
    readBody(req)
      .then(async (raw) => {
        let status = 200;
        const headers: Record<string, string> = {};
        let body = '';
        const shim = {
          socket: undefined,
          status(code: number) {
            status = code;
          },
          header(name: string, value: unknown) {
            headers[name] = String(value);
          },
          send(payload: unknown) {
            if (payload === undefined) return;
            body = typeof payload === 'string' ? payload : JSON.stringify(payload);
            if (typeof payload !== 'string') headers['content-type'] = 'application/json';
          },
          end() {},
        };
        await adapter.process({ body: JSON.parse(raw) as Record<string, unknown>, headers: req.headers, method: req.method }, shim, (ctx) => bot.run(ctx));
        res.writeHead(status, headers);
        res.end(body);
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(400);
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK}:${port}/api/messages`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(msg: ChildMessage): void {
  process.send?.(msg);
}

async function main(): Promise<void> {
  const lifetime = setTimeout(() => process.exit(2), CHILD_LIFETIME_MS);
  // Never outlive the parent.
  process.on('disconnect', () => process.exit(0));
  const spec = JSON.parse(process.argv[2] ?? '{}') as ServerSpec;
  const starters: Record<SystemName, (s: ServerSpec) => Promise<Started>> = {
    'slack-ours': startSlackOurs,
    'slack-bare': startSlackBare,
    'teams-ours': startTeamsOurs,
    'teams-bare': startTeamsBare,
  };
  const started = await starters[spec.system](spec);
  process.on('message', (raw: ParentMessage) => {
    if (raw.type === 'mem') {
      const m = process.memoryUsage();
      const elu = performance.eventLoopUtilization();
      send({ type: 'mem', rss: m.rss, heapUsed: m.heapUsed, eluIdle: elu.idle, eluActive: elu.active });
    } else if (raw.type === 'close') {
      const forced = setTimeout(() => process.exit(0), 5_000);
      started
        .close()
        .catch(() => undefined)
        .finally(() => {
          clearTimeout(forced);
          clearTimeout(lifetime);
          send({ type: 'closed' });
          // Let the IPC message flush, then leave (BullMQ / ioredis may hold handles for a while).
          setTimeout(() => process.exit(0), 50);
        });
    }
  });
  send({ type: 'ready', url: started.url });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  setTimeout(() => process.exit(1), 50);
});
