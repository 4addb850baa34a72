/**
 * SLACK_APP_TOKEN switches Slack to Socket Mode: the bot asks Slack for a WebSocket URL with the
 * app-level token, connects, and receives commands and button clicks as envelopes it acknowledges.
 * A local WebSocket server plays Slack's side of that protocol.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Running } from '../../src/main.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { testTiming, VOTER_SECRET } from '../support/slack-harness.js';
import { startRedis, type RedisServerHandle } from '../support/redis-server.js';
import { blockActionsBody, slashCommandBody } from '../support/slack-signing.js';

let redis: RedisServerHandle;
let fake: FakeSlack;
let app: Running;
let http: Server;
let socket: WebSocket;
const acks = new Map<string, (payload: unknown) => void>();

beforeAll(async () => {
  http = createServer();
  const wss = new WebSocket.Server({ server: http });
  const connected = new Promise<WebSocket>((resolve) =>
    wss.on('connection', (ws) => {
      ws.on('message', (raw) => {
        const msg = JSON.parse(String(raw)) as { envelope_id?: string; payload?: unknown };
        if (msg.envelope_id) acks.get(msg.envelope_id)?.(msg.payload);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0WERKTSAMEN' }, debug_info: { host: 'local' } }));
      resolve(ws);
    }),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  redis = await startRedis();
  fake = await startFakeSlack({ teamId: 'T0SOCKET', socketModeUrl: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/` });
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', REDIS_URL: redis.url, VOTER_SECRET, SLACK_BOT_TOKEN: 'xoxb-socket', SLACK_APP_TOKEN: 'xapp-1-socket', SLACK_API_URL: fake.apiUrl });
  app = await buildApp(config, redis.url, { logger: createLogger('silent'), slackRetries: 0, refreshTiming: testTiming() });
  socket = await connected;
});
afterAll(async () => {
  await app?.close();
  socket?.terminate();
  await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
  await fake?.close();
  await redis?.stop();
});

let n = 0;
/** Sends one Socket Mode envelope and resolves when the bot acknowledges it. */
function deliver(type: 'slash_commands' | 'interactive', payload: Record<string, unknown>): Promise<unknown> {
  const envelopeId = `env-${++n}`;
  const acked = new Promise<unknown>((resolve) => acks.set(envelopeId, resolve));
  socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type === 'slash_commands' }));
  return acked;
}

describe('Slack in Socket Mode (SLACK_APP_TOKEN)', () => {
  it('connects with the app token and runs a poll over the socket', async () => {
    const open = fake.callsTo('apps.connections.open');
    expect(open.length).toBeGreaterThan(0);
    expect(open[0]!.token).toBe('xapp-1-socket');
    expect(app.server?.listening).toBe(true);

    const command = Object.fromEntries(new URLSearchParams(
      slashCommandBody({ text: 'poll', userId: 'U_FACI', teamId: 'T0SOCKET', channelId: 'C0SOCKET', responseUrl: `${fake.responseUrlBase}/sm-open` }).body,
    ));
    await deliver('slash_commands', command);
    const posted = await fake.waitFor('chat.postMessage');
    expect(posted.token).toBe('xoxb-socket');
    const ts = String((posted.response as { ts: string }).ts);
    const pollId = (posted.args.blocks as { type: string; elements?: { value: string }[] }[]).find((b) => b.type === 'actions')!.elements![0]!.value;

    const click = blockActionsBody({ actionId: 'poll_vote_gemixt', value: pollId, userId: 'U_A', teamId: 'T0SOCKET', channelId: 'C0SOCKET', messageTs: ts, responseUrl: `${fake.responseUrlBase}/sm-vote` });
    await deliver('interactive', JSON.parse(new URLSearchParams(click.body).get('payload')!) as Record<string, unknown>);
    const card = await fake.waitFor((c) => c.method === 'chat.update' && JSON.stringify(c.args.blocks).includes('1 stem'));
    expect(JSON.stringify(card.args.blocks)).toContain('Gemixt enthousiasme*\\n`██████████`  1 (100%)');
  });

  it('refuses a command from another workspace over the socket too, privately, and opens no poll', async () => {
    const before = fake.callsTo('chat.postMessage').length;
    const command = Object.fromEntries(new URLSearchParams(
      slashCommandBody({ text: 'poll', userId: 'U_STRANGER', teamId: 'T0OTHER', channelId: 'C0SOCKET', responseUrl: `${fake.responseUrlBase}/sm-other` }).body,
    ));
    const ack = (await deliver('slash_commands', command)) as { text?: string; response_type?: string } | undefined;
    expect(ack?.response_type).toBe('ephemeral');
    expect(ack?.text).toContain('andere werkruimte');
    expect(fake.callsTo('chat.postMessage').length).toBe(before);
  });
});
