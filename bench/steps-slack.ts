/**
 * Slack driver of the step-card run: signed view_submission requests (the answer modal of a step
 * card) to a bare Bolt app and to our app, against the fake Slack Web API behind a proxy that
 * reports 41 channel members (40 people and the bot).
 */
import { startFakeSlack, type RecordedCall } from '../test/support/fake-slack.js';
import { appMentionEventBody, postSigned, signSlackRequest, slashCommandBody, viewSubmissionBody } from '../test/support/slack-signing.js';
import type { Step } from '../src/domain/collaboration.js';
import { answersFor } from './answers.js';
import { startChild } from './child.js';
import type { PreparedRequest } from './load.js';
import { startMemberProxy } from './member-proxy.js';
import { STEP_MEMBERS, type StepCollab, type StepDriver, type StepOptions, type StepUpdate } from './steps.js';

const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-bench-token';
/** Not the poll run's team: its keys and index stay apart. */
const TEAM = 'T0STEPS';
/** conversations.info counts the bot as a member; the app subtracts it. */
const NUM_MEMBERS = STEP_MEMBERS + 1;

/** Round r has its own channel and its own members, never seen before (round 0 is the warm-up). */
const channelOf = (round: number): string => `C0STEP${String(round).padStart(3, '0')}`;
const memberOf = (round: number, i: number): string => `UR${String(round).padStart(3, '0')}M${String(i).padStart(3, '0')}`;

type Block = { type: string; elements?: { action_id?: string; value?: string }[] };

const toUpdate = (c: RecordedCall): StepUpdate => ({
  at: c.at,
  text: JSON.stringify(c.args.blocks ?? []),
  accepted: c.status === 200 && (c.response as { ok?: boolean } | undefined)?.ok === true,
});

export async function slackStepDriver(opts: StepOptions): Promise<StepDriver> {
  const fake = await startFakeSlack({ teamId: TEAM });
  const base = fake.apiUrl.replace(/\/api\/$/, '');
  const proxy = await startMemberProxy(
    base,
    (method, path) => method === 'POST' && path === '/api/conversations.info',
    (_method, _path, body) => {
      const channel = new URLSearchParams(body).get('channel') ?? '';
      return { status: 200, body: { ok: true, channel: { id: channel, name: 'samenwerking', is_channel: true, is_im: false, is_private: false, num_members: NUM_MEMBERS } } };
    },
  );
  let events = 0;
  const isUpdateOf = (c: RecordedCall, ts: string): boolean => c.method === 'chat.update' && c.args.ts === ts;
  const tsOf = (c: RecordedCall): string => String((c.response as { ts: string }).ts);
  const postedAfter = (before: number, match: (c: RecordedCall) => boolean): Promise<RecordedCall> =>
    fake.waitFor((c) => c.method === 'chat.postMessage' && fake.calls.indexOf(c) >= before && match(c), 10_000);

  return {
    platform: 'slack',
    scope: { platform: 'slack', tenant: TEAM },
    request: `${STEP_MEMBERS} members submit stap 2's answer modal at once: signed view_submission → /slack/events; ack latency`,
    membersShown: STEP_MEMBERS,
    startBare: () => startChild({ system: 'slack-bare', signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN }),
    startOurs: () =>
      startChild({ system: 'slack-ours', signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, redisUrl: opts.redisUrl, slackApiUrl: `${proxy.url}/api/` }),

    async startCollab(url: string, round: number): Promise<StepCollab> {
      const before = fake.calls.length;
      const res = await postSigned(
        url,
        SIGNING_SECRET,
        slashCommandBody({ text: `start Huiswerkklas met de bib (ronde ${round})`, userId: memberOf(round, 1), teamId: TEAM, channelId: channelOf(round), responseUrl: `${fake.responseUrlBase}/start-${round}` }),
      );
      if (res.status !== 200) throw new Error(`slash command answered ${res.status}`);
      const root = await postedAfter(before, (c) => c.args.channel === channelOf(round) && c.args.thread_ts === undefined);
      const collabId = (root.args.blocks as Block[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'collab.edit')?.value ?? '';
      if (!collabId) throw new Error('the root card has no edit button');
      return { round, collabId, rootId: tsOf(root) };
    },

    async postStep(url: string, c: StepCollab, step: Step): Promise<string> {
      const before = fake.calls.length;
      const n = ++events;
      const res = await postSigned(
        url,
        SIGNING_SECRET,
        appMentionEventBody({ eventId: `EvSTEP${n}`, teamId: TEAM, channelId: channelOf(c.round), userId: memberOf(c.round, 1), text: `<@UBOT> stap ${step}`, ts: `${1_700_100_000 + n}.000100`, threadTs: c.rootId }),
      );
      if (res.status !== 200) throw new Error(`app_mention answered ${res.status}`);
      // The app answers a refused command privately (chat.postEphemeral): fail with its text at once.
      const card = await fake.waitFor(
        (x) =>
          fake.calls.indexOf(x) >= before &&
          ((x.method === 'chat.postMessage' && x.args.thread_ts === c.rootId && JSON.stringify(x.args.blocks ?? []).includes('leden antwoordden')) ||
            (x.method === 'chat.postEphemeral' && x.args.channel === channelOf(c.round))),
        10_000,
      );
      if (card.method === 'chat.postEphemeral') throw new Error(`'stap ${step}' in round ${c.round} was refused: ${String(card.args.text)}`);
      return tsOf(card);
    },

    // Signing is Slack's work, not ours: bodies are built and signed before the batch is timed.
    buildAnswers(url: string, c: StepCollab, step: Step): PreparedRequest[] {
      const out: PreparedRequest[] = [];
      for (let i = 1; i <= STEP_MEMBERS; i++) {
        const values = Object.fromEntries(Object.entries(answersFor(step, i)).map(([id, value]) => [id, { type: 'plain_text_input', value }]));
        const req = viewSubmissionBody({ callbackId: 'step.answers', privateMetadata: JSON.stringify({ c: c.collabId, s: step }), values, userId: memberOf(c.round, i), teamId: TEAM });
        out.push({
          url,
          body: req.body,
          headers: { 'Content-Type': req.contentType, 'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)', ...signSlackRequest(SIGNING_SECRET, req.body) },
        });
      }
      return out;
    },

    // An empty 200 closes the modal; `response_action: errors` (a body) keeps it open with an error.
    saved: (r) => r.status === 200 && r.body === '',

    updatesOf: (ts) => fake.calls.filter((c) => isUpdateOf(c, ts)).map(toUpdate),

    waitForUpdate: (ts, text, timeoutMs) =>
      fake
        .waitFor((c) => isUpdateOf(c, ts) && (text === undefined || JSON.stringify(c.args.blocks ?? []).includes(text)), timeoutMs)
        .then(toUpdate, () => undefined),

    notes: () => [`conversations.info answered by the bench proxy (num_members ${NUM_MEMBERS}): ${proxy.intercepted()} call(s)`],

    close: async () => {
      await proxy.close();
      await fake.close();
    },
  };
}
