import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Running } from '../../src/main.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { testTiming, VOTER_SECRET } from '../support/slack-harness.js';
import { startRedis, type RedisServerHandle } from '../support/redis-server.js';
import { blockActionsBody, postSigned, slashCommandBody } from '../support/slack-signing.js';

const SECRET = 'roles-signing-secret';
let redis: RedisServerHandle;
let fake: FakeSlack;
const apps: Running[] = [];

async function start(role: 'web' | 'worker'): Promise<Running> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', ROLE: role, REDIS_URL: redis.url, VOTER_SECRET, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-roles', SLACK_API_URL: fake.apiUrl });
  const app = await buildApp(config, redis.url, { logger: createLogger('silent'), slackRetries: 0, refreshTiming: testTiming() });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  redis = await startRedis();
  fake = await startFakeSlack({ teamId: 'T0ROLES' });
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await fake?.close();
  await redis?.stop();
});

describe('ROLE=web and ROLE=worker as separate processes on one Redis', () => {
  it('takes votes on two web instances and has a worker instance update the card', async () => {
    const webA = await start('web');
    const webB = await start('web');
    const worker = await start('worker');
    expect(webA.worker).toBeUndefined();
    // The worker serves its health check and nothing else.
    expect((await fetch(`http://127.0.0.1:${worker.port()}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${worker.port()}/slack/events`, { method: 'POST' })).status).toBe(404);
    const url = (app: Running) => `http://127.0.0.1:${app.port()}/slack/events`;
    const base = { teamId: 'T0ROLES', channelId: 'C0ROLES' };
    await postSigned(url(webA), SECRET, slashCommandBody({ ...base, text: 'poll', userId: 'U_FACI', responseUrl: `${fake.responseUrlBase}/open` }));
    const posted = await fake.waitFor('chat.postMessage');
    const ts = String((posted.response as { ts: string }).ts);
    const pollId = (posted.args.blocks as { type: string; elements?: { value: string }[] }[]).find((b) => b.type === 'actions')!.elements![0]!.value;
    for (const [i, app] of [webA, webB, webA, webB].entries()) {
      const vote = blockActionsBody({ ...base, actionId: 'poll_vote_veel', value: pollId, userId: `U_${i}`, messageTs: ts, responseUrl: `${fake.responseUrlBase}/v${i}` });
      expect((await postSigned(url(app), SECRET, vote)).status).toBe(200);
    }
    const card = await fake.waitFor((c) => c.method === 'chat.update' && JSON.stringify(c.args.blocks).includes('4 stemmen'), 10_000);
    expect(card.args.ts).toBe(ts);
  });
});
