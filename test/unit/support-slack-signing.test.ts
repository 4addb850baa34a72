import { App, LogLevel, isValidSlackRequest, verifySlackRequest } from '@slack/bolt';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import {
  appMentionEventBody,
  blockActionsBody,
  nowSeconds,
  postSigned,
  sendRaw,
  signSlackRequest,
  slashCommandBody,
  urlVerificationBody,
} from '../support/slack-signing.js';

const SECRET = 'test-signing-secret';

describe('signSlackRequest', () => {
  it('matches an independent HMAC-SHA256 recomputation', () => {
    const body = 'token=x&text=h%C3%A9llo+%2Fwerktsamen';
    const headers = signSlackRequest(SECRET, body, 1_700_000_000);
    const expected = createHmac('sha256', SECRET).update(Buffer.from(`v0:1700000000:${body}`, 'utf8')).digest('hex');
    expect(headers).toEqual({ 'X-Slack-Request-Timestamp': '1700000000', 'X-Slack-Signature': `v0=${expected}` });
  });

  it("passes Bolt's own verifier, and fails it with a wrong secret or a stale timestamp", () => {
    const { body } = appMentionEventBody({ eventId: 'Ev1', teamId: 'T1', channelId: 'C1', userId: 'U1', text: 'hi', ts: '1700000000.000100' });
    const ts = nowSeconds();
    const h = signSlackRequest(SECRET, body, ts);
    const opts = (secret: string, t: number) => ({
      signingSecret: secret,
      body,
      headers: { 'x-slack-signature': signSlackRequest(SECRET, body, t)['X-Slack-Signature'], 'x-slack-request-timestamp': t },
    });
    expect(() =>
      verifySlackRequest({ signingSecret: SECRET, body, headers: { 'x-slack-signature': h['X-Slack-Signature'], 'x-slack-request-timestamp': ts } }),
    ).not.toThrow();
    expect(isValidSlackRequest(opts('other-secret', ts))).toBe(false);
    expect(isValidSlackRequest(opts(SECRET, ts - 10 * 60))).toBe(false);
  });
});

describe('request body builders', () => {
  it('slashCommandBody is form-encoded with the Slack field set', () => {
    const req = slashCommandBody({ text: 'help me', userId: 'U1', teamId: 'T1', channelId: 'C1', responseUrl: 'http://x/respond/1' });
    expect(req.contentType).toBe('application/x-www-form-urlencoded');
    const fields = Object.fromEntries(new URLSearchParams(req.body));
    expect(Object.keys(fields).sort()).toEqual(
      ['api_app_id', 'channel_id', 'channel_name', 'command', 'is_enterprise_install', 'response_url', 'team_domain', 'team_id',
        'text', 'token', 'trigger_id', 'user_id', 'user_name'].sort(),
    );
    expect(fields).toMatchObject({ command: '/werktsamen', text: 'help me', user_id: 'U1', response_url: 'http://x/respond/1' });
  });

  it('blockActionsBody carries a realistic block_actions payload', () => {
    const req = blockActionsBody({
      actionId: 'join', value: 'collab-1', userId: 'U1', teamId: 'T1', channelId: 'C1', messageTs: '1.2', responseUrl: 'http://x/r', userLocale: 'en-GB',
    });
    const payload = JSON.parse(new URLSearchParams(req.body).get('payload') ?? 'null') as Record<string, unknown>;
    expect(payload).toMatchObject({
      type: 'block_actions',
      user: { id: 'U1', team_id: 'T1', locale: 'en-GB' },
      container: { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: false },
      team: { id: 'T1' },
      channel: { id: 'C1' },
      message: { type: 'message', ts: '1.2', text: '' },
      response_url: 'http://x/r',
      actions: [{ type: 'button', action_id: 'join', block_id: 'b1', value: 'collab-1', text: { type: 'plain_text', text: 'x' } }],
    });
  });

  it('urlVerificationBody and appMentionEventBody are JSON', () => {
    expect(JSON.parse(urlVerificationBody('abc').body)).toMatchObject({ type: 'url_verification', challenge: 'abc' });
    const ev = JSON.parse(
      appMentionEventBody({ eventId: 'Ev1', teamId: 'T1', channelId: 'C1', userId: 'U1', text: 'hi', ts: '5.6', threadTs: '5.0' }).body,
    ) as Record<string, unknown>;
    expect(ev).toMatchObject({
      type: 'event_callback',
      event_id: 'Ev1',
      team_id: 'T1',
      event: { type: 'app_mention', user: 'U1', text: 'hi', ts: '5.6', channel: 'C1', event_ts: '5.6', thread_ts: '5.0' },
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    });
  });
});

/** End to end: our signed requests drive a real Bolt App, which talks to the fake Slack. */
describe('round trip through a real Bolt App', () => {
  let fake: FakeSlack;
  let app: App;
  let url: string;
  beforeAll(async () => {
    fake = await startFakeSlack();
    app = new App({
      token: 'xoxb-test-token',
      signingSecret: SECRET,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/werktsamen', async ({ ack, respond, command }) => {
      await ack();
      await respond({ text: `echo: ${command.text}` });
    });
    app.action('join', async ({ ack, respond, body }) => {
      await ack();
      await respond({ text: `joined by ${body.user.id}`, replace_original: false });
    });
    app.event('app_mention', async ({ event, say }) => {
      await say({ text: 'hallo', thread_ts: event.ts });
    });
    const server = (await app.start(0)) as Server;
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('slash command → ack 200 → respond() on the response_url', async () => {
    const req = slashCommandBody({ text: 'ping', userId: 'U1', teamId: 'T1', channelId: 'C1', responseUrl: `${fake.responseUrlBase}/c1` });
    expect((await postSigned(url, SECRET, req)).status).toBe(200);
    const call = await fake.waitFor((c) => c.method === 'response_url' && c.path === '/respond/c1');
    expect(call.args['text']).toBe('echo: ping');
  });

  it('button click → respond()', async () => {
    const req = blockActionsBody({
      actionId: 'join', value: 'v', userId: 'U2', teamId: 'T1', channelId: 'C1', messageTs: '1700000000.000100', responseUrl: `${fake.responseUrlBase}/a1`,
    });
    expect((await postSigned(url, SECRET, req)).status).toBe(200);
    expect((await fake.waitFor((c) => c.path === '/respond/a1')).args['text']).toBe('joined by U2');
  });

  it('app_mention → chat.postMessage in thread', async () => {
    const req = appMentionEventBody({ eventId: 'Ev9', teamId: 'T1', channelId: 'C5', userId: 'U1', text: '<@UBOT> hoi', ts: '1700000001.000200' });
    expect((await postSigned(url, SECRET, req)).status).toBe(200);
    const call = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.args['channel'] === 'C5');
    expect(call.args).toMatchObject({ text: 'hallo', thread_ts: '1700000001.000200' });
  });

  it('url_verification echoes the challenge', async () => {
    const res = await postSigned(url, SECRET, urlVerificationBody('chal-123'));
    expect(res.status).toBe(200);
    expect(res.text).toContain('chal-123');
  });

  it('rejects bad signatures, stale timestamps and unsigned requests with 401', async () => {
    const req = slashCommandBody({ text: 'x', userId: 'U1', teamId: 'T1', channelId: 'C1', responseUrl: `${fake.responseUrlBase}/bad` });
    expect((await postSigned(url, 'wrong-secret', req)).status).toBe(401);
    expect((await postSigned(url, SECRET, req, { timestamp: nowSeconds() - 6 * 60 })).status).toBe(401);
    expect((await sendRaw(url, req.body, { 'Content-Type': req.contentType })).status).toBe(401);
  });
});
