/**
 * Per-call CPU cost of the synchronous pieces of our vote paths, to explain the load benchmark:
 *   node --import tsx bench/micro.ts
 * Each piece runs after a warm-up; the result is the mean time per call in microseconds.
 */
import { performance } from 'node:perf_hooks';
import { Pseudonyms } from '../src/app/pseudonyms.js';
import type { PollState } from '../src/app/ports.js';
import { buildPollCardModel } from '../src/cards/poll-card-model.js';
import { renderSlackPoll, renderTeamsPoll } from '../src/cards/render.js';
import { parseSlackBody } from '../src/platforms/slack/parse-body.js';
import { verifySlackSignature } from '../src/platforms/slack/verify-request.js';
import { blockActionsBody, signSlackRequest } from '../test/support/slack-signing.js';

const WARMUP = 2_000;
const RUNS = 5_000;

function measure(name: string, fn: (i: number) => unknown): number {
  for (let i = 0; i < WARMUP; i++) fn(i);
  const t0 = performance.now();
  for (let i = 0; i < RUNS; i++) fn(i);
  const us = ((performance.now() - t0) * 1000) / RUNS;
  process.stdout.write(`${name.padEnd(64)} ${us.toFixed(1).padStart(8)} µs/call\n`);
  return us;
}

const state = (voters: number): PollState => ({
  poll: {
    id: 'POLLID0000000001',
    scope: { platform: 'teams', tenant: 'tenant-0001' },
    question: 'Hoeveel enthousiasme is er in ons team voor deze samenwerking?',
    anonymous: true,
    hidden: false,
    locale: 'nl',
    facilitatorKey: 'facilitator-pseudonym',
    status: 'open',
    createdAt: Date.now(),
    expiresAt: Date.now() + 30 * 24 * 3600_000,
  },
  tally: { counts: { veel: Math.ceil(voters / 2), gemixt: Math.floor(voters / 2), weinig: 0 }, voters },
  named: [],
});

const secret = 'bench-signing-secret-0123456789abcdef';
const req = blockActionsBody({
  actionId: 'poll_vote_veel',
  value: 'POLLID0000000001',
  userId: 'U00001',
  teamId: 'T0BENCH',
  channelId: 'C0BENCH',
  messageTs: '1700000000.000100',
  responseUrl: 'http://127.0.0.1:1/respond/x',
});
const sig = signSlackRequest(secret, req.body);
const now = Math.floor(Date.now() / 1000);

process.stdout.write(`node ${process.version}; ${RUNS} calls each after ${WARMUP} warm-up calls\n`);
measure('Teams invoke card: buildPollCardModel + renderTeamsPoll', (i) => renderTeamsPoll(buildPollCardModel(state(i + 1), { ownVote: 'veel' })));
measure('  of which buildPollCardModel (zod parse of the view model)', (i) => buildPollCardModel(state(i + 1), { ownVote: 'veel' }));
measure('Slack card: buildPollCardModel + renderSlackPoll', (i) => renderSlackPoll(buildPollCardModel(state(i + 1))));
measure('JSON.stringify of the Teams invoke card', (i) => JSON.stringify(renderTeamsPoll(buildPollCardModel(state((i % 3) + 1)))));
measure('verifySlackSignature (HMAC-SHA256 of a block_actions body)', () => verifySlackSignature(secret, { timestamp: sig['X-Slack-Request-Timestamp'], signature: sig['X-Slack-Signature'] }, req.body, now));
measure('parseSlackBody (form + JSON + zod record)', () => parseSlackBody(req.body, req.contentType));
const pseudonyms = new Pseudonyms('bench-voter-secret-0123456789-abcdefghijklmnop');
measure('voter pseudonym (HMAC-SHA256 with the server secret)', (i) => pseudonyms.voter('salt-0123456789', `U${i}`));
