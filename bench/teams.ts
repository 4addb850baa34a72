/** Teams driver: Action.Execute invokes through a bare CloudAdapter bot and through our app, against a fake connector. */
import { startFakeConnector, type ConnectorCall } from '../test/support/fake-connector.js';
import { activity, cardOf, TENANT, user } from '../test/support/teams-harness.js';
import { pollKeys } from '../src/store/keys.js';
import { startChild } from './child.js';
import type { BatchResult, PreparedRequest } from './load.js';
import type { BenchOptions, CardUpdate, PlatformDriver, PollRef } from './platform.js';
import { choiceFor, LABELS, sameTally, teamsTally } from './tally.js';

const FACILITATOR = user('Facilitator');
const name = (prefix: string, i: number): string => `${prefix}${String(i).padStart(5, '0')}`;

const toUpdate = (c: ConnectorCall): CardUpdate => ({ at: c.at, tally: teamsTally(cardOf(c)), accepted: true });

/** How many invoke responses show that voter's own vote ("Jouw stem: <label>") on a readable poll card. */
function ownVoteShown(batch: BatchResult): number {
  let shown = 0;
  batch.results.forEach((r, idx) => {
    try {
      const value = (JSON.parse(r.body) as { value?: unknown }).value;
      if (JSON.stringify(value ?? {}).includes(`Jouw stem: ${LABELS[choiceFor(idx + 1)]}`) && teamsTally(value) !== undefined) shown++;
    } catch {
      // not JSON: not shown
    }
  });
  return shown;
}

export async function teamsDriver(opts: BenchOptions): Promise<PlatformDriver> {
  const connector = await startFakeConnector();
  const isUpdateOf = (c: ConnectorCall, id: string): boolean => c.method === 'PUT' && c.activityId === id;
  return {
    platform: 'teams',
    startBare: () => startChild({ system: 'teams-bare' }, opts.profileDir),
    startOurs: () => startChild({ system: 'teams-ours', redisUrl: opts.redisUrl }, opts.profileDir),

    // Distinct users: from.id 29:<prefix>NNNNN, aadObjectId aad-<prefix>NNNNN.
    buildVotes(url: string, prefix: string, count: number, poll: PollRef, firstId: number): PreparedRequest[] {
      const out: PreparedRequest[] = [];
      for (let i = 1; i <= count; i++) {
        const a = activity(user(name(prefix, firstId + i - 1)), connector.serviceUrl, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: 'vote', data: { pollId: poll.pollId, choice: choiceFor(i) } }, trigger: 'manual' },
        });
        out.push({ url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });
      }
      return out;
    },

    async openPoll(url: string, tag: string): Promise<PollRef> {
      const before = connector.calls.length;
      const a = activity(FACILITATOR, connector.serviceUrl, {
        type: 'message',
        text: `<at>WerktSamen</at> poll Bench ${tag}`,
        entities: [{ type: 'mention', text: '<at>WerktSamen</at>', mentioned: { id: '28:werktsamen-bot', name: 'WerktSamen' } }],
      });
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a), signal: AbortSignal.timeout(10_000) });
      await res.text();
      if (res.status !== 200) throw new Error(`mention answered ${res.status}`);
      const call = await connector.waitFor((c) => c.method === 'POST' && connector.calls.indexOf(c) >= before && Boolean(c.body.attachments), 10_000);
      const card = cardOf(call) as { actions?: { data?: { pollId?: string } }[] };
      const pollId = card.actions?.[0]?.data?.pollId ?? '';
      if (!pollId) throw new Error('the poll card has no buttons');
      return { pollId, cardId: call.responseId };
    },

    observeUpdates(id, onUpdate, timeoutMs) {
      // waitFor with a predicate that never matches is the fake's only event hook; it ends on stop() + next call or timeout.
      let stopped = false;
      connector
        .waitFor((c) => {
          if (!stopped && isUpdateOf(c, id)) onUpdate(c.at);
          return stopped;
        }, timeoutMs)
        .catch(() => undefined);
      return { stop: () => void (stopped = true) };
    },

    refreshKey: (pollId) => pollKeys({ platform: 'teams', tenant: TENANT }, pollId).refresh,

    updatesOf: (id) => connector.calls.filter((c) => isUpdateOf(c, id)).map(toUpdate),

    waitForTally: (id, tally, timeoutMs) =>
      connector
        .waitFor((c) => isUpdateOf(c, id) && sameTally(teamsTally(cardOf(c)), tally), timeoutMs)
        .then(toUpdate, () => undefined),

    async checkOurs(batch) {
      const shown = ownVoteShown(batch);
      return {
        checks: [{ name: "ours: invoke card shows the voter's own vote", value: `${shown}/${batch.results.length}`, target: 'all', pass: shown === batch.results.length }],
        notes: [],
      };
    },

    close: () => connector.close(),
  };
}
