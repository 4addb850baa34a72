import { randomUUID } from 'node:crypto';
import { buildApp, type Running } from '../../src/main.js';
import { loadConfig } from '../../src/config.js';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from './fake-connector.js';
import { captureLogs, type CapturedLogs } from './log-capture.js';
import { testTiming, VOTER_SECRET } from './slack-harness.js';
import { startRedis, type RedisServerHandle } from './redis-server.js';

export const TENANT = 'tenant-0001';
export const CHANNEL_CONV = '19:samenwerking@thread.tacv2';

export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId: string;
}
export const user = (n: string): TeamsUser => ({ id: `29:${n}`, name: n, aadObjectId: `aad-${n}` });

export interface TeamsHarness {
  redis: RedisServerHandle;
  connector: FakeConnector;
  app: Running;
  url: string;
  logs: CapturedLogs;
  send(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  /** `@WerktSamen <text>` in the channel; resolves with the bot's posted card. */
  mention(from: TeamsUser, text: string, locale?: string): Promise<{ call: ConnectorCall; activityId: string; pollId: string }>;
  invoke(from: TeamsUser, verb: string, data: Record<string, unknown>, locale?: string): Promise<{ status: number; card: Record<string, unknown> }>;
  /** Waits for an update (PUT) of `activityId` whose card contains `text`. */
  waitForUpdate(activityId: string, text: string): Promise<ConnectorCall>;
  close(): Promise<void>;
}

export function activity(from: TeamsUser, serviceUrl: string, extra: Record<string, unknown>, locale = 'nl-BE'): Record<string, unknown> {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale,
    from: { ...from, role: 'user' },
    recipient: { id: '28:werktsamen-bot', name: 'WerktSamen' },
    conversation: { id: CHANNEL_CONV, conversationType: 'channel', tenantId: TENANT, isGroup: true },
    channelData: { tenant: { id: TENANT }, channel: { id: CHANNEL_CONV }, team: { id: '19:team@thread.tacv2' } },
    ...extra,
  };
}

export const cardOf = (call: ConnectorCall): Record<string, unknown> =>
  ((call.body.attachments as { content: Record<string, unknown> }[] | undefined)?.[0]?.content ?? {});

/** The real app (real CloudAdapter, Redis and worker) in Teams local mode against a fake connector. */
export async function startTeamsHarness(env: Record<string, string> = { TEAMS_LOCAL_MODE: 'true' }, opts: { persist?: boolean } = {}): Promise<TeamsHarness> {
  const redis = await startRedis({ persist: opts.persist });
  const connector = await startFakeConnector();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', REDIS_URL: redis.url, VOTER_SECRET, ...env });
  const logs = captureLogs();
  const app = await buildApp(config, redis.url, { logger: logs.logger, refreshTiming: testTiming() });
  const url = `http://127.0.0.1:${app.port()}/api/messages`;
  const send = async (a: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(a) });
    return { status: res.status, body: await res.text() };
  };
  return {
    redis,
    connector,
    app,
    url,
    logs,
    send,
    async mention(from, text, locale) {
      const before = connector.calls.length;
      const res = await send(
        activity(from, connector.serviceUrl, {
          type: 'message',
          text: `<at>WerktSamen</at> ${text}`,
          entities: [{ type: 'mention', text: '<at>WerktSamen</at>', mentioned: { id: '28:werktsamen-bot', name: 'WerktSamen' } }],
        }, locale),
      );
      if (res.status !== 200) throw new Error(`message answered ${res.status}: ${res.body}`);
      const call = await connector.waitFor((c) => c.method === 'POST' && connector.calls.indexOf(c) >= before && Boolean(c.body.attachments));
      const card = cardOf(call) as { actions?: { data?: { pollId?: string } }[] };
      return { call, activityId: call.responseId, pollId: card.actions?.[0]?.data?.pollId ?? '' };
    },
    async invoke(from, verb, data, locale) {
      const res = await send(
        activity(from, connector.serviceUrl, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } }, locale),
      );
      const body = res.body ? (JSON.parse(res.body) as { value?: Record<string, unknown> }) : {};
      return { status: res.status, card: body.value ?? {} };
    },
    waitForUpdate(activityId, text) {
      return connector.waitFor((c) => c.method === 'PUT' && c.activityId === activityId && JSON.stringify(c.body).includes(text));
    },
    async close() {
      await app.close();
      await connector.close();
      await redis.stop();
    },
  };
}
