import { ErrorCode, LogLevel, WebClient, type WebAPIHTTPError, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';

describe('fake Slack Web API', () => {
  let fake: FakeSlack;
  let client: WebClient;
  beforeAll(async () => {
    fake = await startFakeSlack();
    client = new WebClient('xoxb-test-token', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    });
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('records chat.postMessage with blocks parsed back into objects', async () => {
    const blocks = [
      { type: 'section', text: { type: 'mrkdwn', text: '*Hallo* [1]' } },
      { type: 'actions', elements: [{ type: 'button', action_id: 'a1', text: { type: 'plain_text', text: 'Ja' }, value: 'v' }] },
    ];
    const res = await client.chat.postMessage({ channel: 'C1', text: '[not json] fallback', blocks, unfurl_links: false });
    expect(res.ok).toBe(true);
    expect(res.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(res.channel).toBe('C1');

    const call = await fake.waitFor('chat.postMessage');
    expect(call.args['blocks']).toEqual(blocks);
    expect(call.args['text']).toBe('[not json] fallback'); // text is never JSON-parsed
    expect(call.args['unfurl_links']).toBe('false'); // primitives arrive as strings
    expect(call.token).toBe('xoxb-test-token');
    expect(call.headers['content-type']).toBe('application/x-www-form-urlencoded');

    const second = await client.chat.postMessage({ channel: 'C1', text: 'again' });
    expect(Number(second.ts)).toBeGreaterThan(Number(res.ts));
  });

  it('answers auth.test, chat.update, chat.postEphemeral, conversations.info and unknown methods', async () => {
    expect(await client.auth.test()).toMatchObject({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: fake.teamId });
    expect(await client.chat.update({ channel: 'C1', ts: '1700000000.000100', text: 'x' })).toMatchObject({
      ok: true,
      channel: 'C1',
      ts: '1700000000.000100',
    });
    const eph = await client.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'psst' });
    expect(eph.message_ts).toMatch(/^\d{10}\.\d{6}$/);
    expect((await client.conversations.info({ channel: 'C9' })).channel?.id).toBe('C9');
    expect((await client.apiCall('reactions.add', { channel: 'C1', name: 'ok', timestamp: '1.2' })).ok).toBe(true);
    expect(fake.calls.map((c) => c.method)).toEqual([
      'auth.test',
      'chat.update',
      'chat.postEphemeral',
      'conversations.info',
      'reactions.add',
    ]);
  });

  it('users.info reports the configured locale only when include_locale is set (like Slack)', async () => {
    expect((await client.users.info({ user: 'U1', include_locale: true })).user?.locale).toBe('nl-NL');
    fake.setUserLocale('U1', 'en-US');
    expect((await client.users.info({ user: 'U1', include_locale: true })).user?.locale).toBe('en-US');
    expect((await client.users.info({ user: 'U1' })).user?.locale).toBeUndefined();
  });

  it('failNext 429 surfaces as a rate-limit error with retryAfter, then answers normally', async () => {
    const rejecting = new WebClient('xoxb-test-token', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true, // otherwise WebClient sleeps retryAfter seconds first
      logLevel: LogLevel.ERROR,
    });
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const err = (await rejecting.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e)) as WebAPIRateLimitedError;
    expect(err.code).toBe(ErrorCode.RateLimitedError);
    expect(err.retryAfter).toBe(1);
    expect((await rejecting.chat.postMessage({ channel: 'C1', text: 'x' })).ok).toBe(true);
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
  });

  it('a 429 with Retry-After: 0 is retried transparently by a retrying WebClient', async () => {
    const retrying = new WebClient('xoxb-test-token', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
      logLevel: LogLevel.ERROR,
    });
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 0 });
    expect((await retrying.chat.postMessage({ channel: 'C1', text: 'x' })).ok).toBe(true);
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
  });

  it('failNext 500 surfaces as an HTTP error', async () => {
    fake.failNext('chat.update', { status: 500 });
    const err = (await client.chat.update({ channel: 'C1', ts: '1.1', text: 'x' }).catch((e: unknown) => e)) as WebAPIHTTPError;
    expect(err.code).toBe(ErrorCode.HTTPError);
    expect(err.statusCode).toBe(500);
    expect((await client.chat.update({ channel: 'C1', ts: '1.1', text: 'x' })).ok).toBe(true);
  });

  it('failNext ok:false surfaces as a platform error; failures queue per method', async () => {
    fake.failNext('chat.postMessage', { ok: false, error: 'channel_not_found' });
    fake.failNext('chat.postMessage', { ok: false, error: 'not_in_channel' });
    const errors: string[] = [];
    for (let i = 0; i < 2; i++) {
      const err = (await client.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e)) as WebAPIPlatformError;
      expect(err.code).toBe(ErrorCode.PlatformError);
      errors.push(String(err.data.error));
    }
    expect(errors).toEqual(['channel_not_found', 'not_in_channel']);
    expect((await client.chat.postMessage({ channel: 'C1', text: 'x' })).ok).toBe(true);
  });

  it('answers not_authed when no token is sent', async () => {
    const anon = new WebClient(undefined, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
    const err = (await anon.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e)) as WebAPIPlatformError;
    expect(err.data.error).toBe('not_authed');
    expect(fake.calls[0]?.token).toBeUndefined();
  });

  it('records response_url posts and supports failNext on them', async () => {
    const url = `${fake.responseUrlBase}/cmd-42`;
    const body = { response_type: 'ephemeral', replace_original: false, text: 'hoi', blocks: [{ type: 'divider' }] };
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(await res.json()).toEqual({ ok: true });
    const call = await fake.waitFor('response_url');
    expect(call.args).toEqual(body);
    expect(call.path).toBe('/respond/cmd-42');

    fake.failNext('response_url', { status: 500 });
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(500);
  });

  it('waitFor resolves for calls that arrive later, and rejects on timeout with what it saw', async () => {
    const waiting = fake.waitFor((c) => c.method === 'chat.postMessage' && c.args['channel'] === 'C2');
    await client.chat.postMessage({ channel: 'C1', text: 'not this one' });
    void client.chat.postMessage({ channel: 'C2', text: 'this one' });
    expect((await waiting).args['text']).toBe('this one');

    await expect(fake.waitFor('views.open', 20)).rejects.toThrow(/no matching call within 20ms; calls so far: chat.postMessage, chat.postMessage/);
  });

  it('reset() forgets calls, pending failures and locales', async () => {
    fake.failNext('auth.test', { ok: false, error: 'invalid_auth' });
    fake.setUserLocale('U7', 'de-DE');
    await client.chat.postMessage({ channel: 'C1', text: 'x' });
    fake.reset();
    expect(fake.calls).toHaveLength(0);
    expect((await client.auth.test()).ok).toBe(true);
    expect((await client.users.info({ user: 'U7', include_locale: true })).user?.locale).toBe('nl-NL');
  });
});
