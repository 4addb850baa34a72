/**
 * Our Slack transport (src/platforms/slack/slack-fetch.ts) under the real WebClient, with the
 * options every client of ours gets, against the fake Slack Web API: what it sends, and how
 * answers, rate limits, server errors and refused connections come back.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { createLogger } from '../../src/logger.js';
import { slackClientOptions } from '../../src/platforms/slack/slack-app.js';
import { createSlackFetch, type SlackFetch } from '../../src/platforms/slack/slack-fetch.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';

let slack: FakeSlack;
let transport: SlackFetch;
let client: webApi.WebClient;

beforeAll(async () => {
  slack = await startFakeSlack();
  transport = createSlackFetch();
  // One retry keeps the 5xx case short; production uses the same options with more.
  client = new webApi.WebClient('xoxb-transport-test', slackClientOptions({ apiUrl: slack.apiUrl, retries: 1 }, createLogger('silent'), transport));
});
afterEach(() => slack.reset());
afterAll(async () => {
  await transport.close();
  await slack.close();
});

const rejection = async (work: Promise<unknown>): Promise<Record<string, unknown>> => {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  return err as Record<string, unknown>;
};

describe('Slack transport', () => {
  it('posts form-encoded arguments with the bot token and reads the answer', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Offerte opvragen · vrijdag' } }];
    const res = await client.chat.postMessage({ channel: 'C1', thread_ts: '1.2', text: 'Opvolgpunt', blocks });
    expect(res.ok).toBe(true);
    expect(typeof res.ts).toBe('string');
    const [call] = slack.callsTo('chat.postMessage');
    expect(call?.token).toBe('xoxb-transport-test');
    expect(call?.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(call?.args).toMatchObject({ channel: 'C1', thread_ts: '1.2', text: 'Opvolgpunt', blocks });
  });

  it('passes a 429 on with the seconds Slack asks to wait', async () => {
    slack.failNext('users.info', { status: 429, retryAfter: 7 });
    const err = await rejection(client.users.info({ user: 'U1' }));
    expect(err['code']).toBe(webApi.ErrorCode.RateLimitedError);
    expect(err['retryAfter']).toBe(7);
    expect(slack.callsTo('users.info')).toHaveLength(1);
  });

  it('retries a 500 and then gives up with the status', async () => {
    slack.failNext('chat.postMessage', { status: 500 });
    slack.failNext('chat.postMessage', { status: 500 });
    const err = await rejection(client.chat.postMessage({ channel: 'C1', text: 'x' }));
    expect(err['code']).toBe(webApi.ErrorCode.HTTPError);
    expect(err['statusCode']).toBe(500);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('succeeds when a retry after a 500 gets through', async () => {
    slack.failNext('chat.postMessage', { status: 500 });
    const res = await client.chat.postMessage({ channel: 'C1', text: 'x' });
    expect(res.ok).toBe(true);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it("passes Slack's own refusals (ok:false) on with their error code", async () => {
    slack.failNext('conversations.open', { ok: false, error: 'user_not_found' });
    const err = await rejection(client.conversations.open({ users: 'U404' }));
    expect(err['code']).toBe(webApi.ErrorCode.PlatformError);
    expect((err['data'] as { error?: string }).error).toBe('user_not_found');
  });

  it('reports a refused connection as a request error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const offline = new webApi.WebClient('xoxb-x', slackClientOptions({ apiUrl: `http://127.0.0.1:${port}/api/`, retries: 0 }, createLogger('silent'), transport));
    const err = await rejection(offline.auth.test());
    expect(err['code']).toBe(webApi.ErrorCode.RequestError);
  });

  it('sends multipart bodies (file uploads) through the standard fetch', async () => {
    const form = new FormData();
    form.append('filename', 'dossier.md');
    form.append('file', new Blob(['# Dossier']), 'dossier.md');
    const res = await transport.fetch(`${slack.apiUrl}files.upload`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const [call] = slack.callsTo('files.upload');
    expect(call?.headers['content-type']).toContain('multipart/form-data');
    expect(String(call?.args['_raw'])).toContain('# Dossier');
  });

  it('answers headers by any case, and the body as text, JSON and bytes', async () => {
    const res = await transport.fetch(`${slack.apiUrl}auth.test`, { method: 'POST', body: 'token=xoxb-transport-test', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.ok).toBe(true);
    expect(res.url).toBe(`${slack.apiUrl}auth.test`);
    expect(res.headers.get('Content-Type')).toBe(res.headers.get('content-type'));
    expect(res.headers.get('content-type')).toContain('application/json');
    const json = (await res.json()) as { ok: boolean; team_id: string };
    expect(json).toMatchObject({ ok: true, team_id: slack.teamId });
    expect(JSON.parse(await res.text())).toEqual(json);
    expect(JSON.parse(Buffer.from(await res.arrayBuffer()).toString('utf8'))).toEqual(json);
  });

  it('refuses calls once closed: its connections are gone', async () => {
    const own = createSlackFetch();
    const ownClient = new webApi.WebClient('xoxb-x', slackClientOptions({ apiUrl: slack.apiUrl, retries: 0 }, createLogger('silent'), own));
    await ownClient.auth.test();
    await own.close();
    const err = await rejection(ownClient.auth.test());
    expect(err['code']).toBe(webApi.ErrorCode.RequestError);
  });
});
