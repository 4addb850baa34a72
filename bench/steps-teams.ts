/**
 * Teams driver of the step-card run: `step.answer` Action.Execute invokes (the inline form of a
 * step card) through a bare CloudAdapter bot and through our app, against the fake connector
 * behind a proxy that answers each round's channel roster with its 40 members.
 */
import { startFakeConnector, type ConnectorCall } from '../test/support/fake-connector.js';
import { activity, cardOf, TENANT, user } from '../test/support/teams-harness.js';
import type { Step } from '../src/domain/collaboration.js';
import { answersFor } from './answers.js';
import { startChild } from './child.js';
import type { PreparedRequest } from './load.js';
import { startMemberProxy } from './member-proxy.js';
import { STEP_MEMBERS, type StepCollab, type StepDriver, type StepOptions, type StepUpdate } from './steps.js';

const BOT = { id: '28:werktsamen-bot', name: 'WerktSamen' };
const MENTION = [{ type: 'mention', text: '<at>WerktSamen</at>', mentioned: BOT }];
/** What the product answers on a saved answer (collabMessages('nl').answersSaved). */
const SAVED = 'Je antwoorden zijn bewaard';

/** Round r has its own channel and its own members (round 0 is the warm-up). */
const channelOf = (round: number): string => `19:bench-steps-${String(round).padStart(3, '0')}@thread.tacv2`;
const memberName = (round: number, i: number): string => `R${String(round).padStart(3, '0')}M${String(i).padStart(3, '0')}`;
const threadOf = (c: StepCollab): string => `${channelOf(c.round)};messageid=${c.rootId}`;
const ROUND_OF = /^19:bench-steps-(\d+)@thread\.tacv2/;

/** The roster of round r's channel, shaped like the connector's pagedmembers answer. */
function roster(round: number): Record<string, string>[] {
  return Array.from({ length: STEP_MEMBERS }, (_, k) => {
    const u = user(memberName(round, k + 1));
    return { id: u.id, name: u.name, aadObjectId: u.aadObjectId, userPrincipalName: `${u.name.toLowerCase()}@school.example` };
  });
}

const toUpdate = (c: ConnectorCall): StepUpdate => ({ at: c.at, text: JSON.stringify(cardOf(c)), accepted: true });

export async function teamsStepDriver(opts: StepOptions): Promise<StepDriver> {
  const connector = await startFakeConnector();
  const members = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/;
  const proxy = await startMemberProxy(
    connector.serviceUrl,
    (method, path) => method === 'GET' && members.test(path),
    (_method, path) => {
      const conversation = decodeURIComponent(members.exec(path)?.[1] ?? '');
      const round = ROUND_OF.exec(conversation)?.[1];
      return round === undefined ? undefined : { status: 200, body: { members: roster(Number(round)) } };
    },
  );
  // Activities carry the proxy as their serviceUrl, so every call of our app goes through it.
  const serviceUrl = `${proxy.url}/`;
  const isUpdateOf = (c: ConnectorCall, id: string): boolean => c.method === 'PUT' && c.activityId === id;
  const inConversation = (conversationId: string) => ({
    conversation: { id: conversationId, conversationType: 'channel', tenantId: TENANT, isGroup: true },
    channelData: { tenant: { id: TENANT }, channel: { id: conversationId.split(';')[0] }, team: { id: '19:team@thread.tacv2' } },
  });

  /** `@WerktSamen <text>` from member 1 of the round; resolves with the first card posted in `postedIn` afterwards. */
  async function mention(url: string, round: number, conversationId: string, text: string, postedIn: string, mustContain: string): Promise<ConnectorCall> {
    const before = connector.calls.length;
    const a = activity(user(memberName(round, 1)), serviceUrl, { type: 'message', text: `<at>WerktSamen</at> ${text}`, entities: MENTION, ...inConversation(conversationId) });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a), signal: AbortSignal.timeout(10_000) });
    await res.text();
    if (res.status !== 200) throw new Error(`mention '${text}' answered ${res.status}`);
    return connector.waitFor(
      (c) => c.method === 'POST' && connector.calls.indexOf(c) >= before && c.conversationId === postedIn && Boolean(c.body.attachments) && JSON.stringify(cardOf(c)).includes(mustContain),
      10_000,
    );
  }

  return {
    platform: 'teams',
    scope: { platform: 'teams', tenant: TENANT },
    request: `${STEP_MEMBERS} members save stap 2's inline form at once: adaptiveCard/action invoke 'step.answer' → /api/messages; invoke latency`,
    membersShown: STEP_MEMBERS,
    startBare: () => startChild({ system: 'teams-bare' }),
    startOurs: () => startChild({ system: 'teams-ours', redisUrl: opts.redisUrl }),

    async startCollab(url: string, round: number): Promise<StepCollab> {
      const root = await mention(url, round, channelOf(round), `start Huiswerkklas met de bib (ronde ${round})`, channelOf(round), 'collab.edit');
      const collabId = /"verb":"collab\.edit"[^}]*?"data":\{"v":"([^"]+)"/.exec(JSON.stringify(cardOf(root)))?.[1] ?? '';
      if (!collabId) throw new Error('the root card has no edit button');
      return { round, collabId, rootId: root.responseId };
    },

    async postStep(url: string, c: StepCollab, step: Step): Promise<string> {
      const card = await mention(url, c.round, threadOf(c), `stap ${step}`, threadOf(c), 'leden antwoordden');
      return card.responseId;
    },

    // The step card sits in the collaboration's thread, so the invoke comes from that conversation.
    buildAnswers(url: string, c: StepCollab, step: Step): PreparedRequest[] {
      const out: PreparedRequest[] = [];
      for (let i = 1; i <= STEP_MEMBERS; i++) {
        const inputs = Object.fromEntries(Object.entries(answersFor(step, i)).map(([id, value]) => [`q_${id}`, value]));
        const a = activity(user(memberName(c.round, i)), serviceUrl, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: 'step.answer', data: { v: `${c.collabId}:${step}`, ...inputs } }, trigger: 'manual' },
          ...inConversation(threadOf(c)),
        });
        out.push({ url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });
      }
      return out;
    },

    saved: (r) => r.status === 200 && r.body.includes(SAVED),

    updatesOf: (id) => connector.calls.filter((c) => isUpdateOf(c, id)).map(toUpdate),

    waitForUpdate: (id, text, timeoutMs) =>
      connector
        .waitFor((c) => isUpdateOf(c, id) && (text === undefined || JSON.stringify(cardOf(c)).includes(text)), timeoutMs)
        .then(toUpdate, () => undefined),

    notes: () => [`pagedmembers answered by the bench proxy (${STEP_MEMBERS} people per round's channel): ${proxy.intercepted()} call(s)`],

    close: async () => {
      await proxy.close();
      await connector.close();
    },
  };
}
