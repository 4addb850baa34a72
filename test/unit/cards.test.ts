import { describe, expect, it } from 'vitest';
import { buildPollCardModel } from '../../src/cards/poll-card-model.js';
import { expandCard, expandCardDirect, renderSlackNotice, renderSlackPoll, renderTeamsNotice, renderTeamsPoll } from '../../src/cards/render.js';
import type { PollState } from '../../src/app/ports.js';
import type { Locale } from '../../src/domain/poll.js';
import { checkBlockKit } from '../support/block-kit-check.js';
import { validateAdaptiveCard } from '../support/adaptive-card-validate.js';

type Over = { status?: 'open' | 'closed'; anonymous?: boolean; hidden?: boolean; locale?: Locale; voters?: number; closedReason?: 'facilitator' | 'expired' };
function state(over: Over = {}): PollState {
  const names = ['Annelies Peeters', 'Bram <Janssens>', 'Chloé & co', 'Dries'];
  return {
    poll: {
      id: 'pollAbc123XYZ',
      scope: { platform: 'slack', tenant: 'T1' },
      question: 'Hoeveel *enthousiasme* is er voor de <Brede School>?',
      anonymous: over.anonymous ?? true,
      hidden: over.hidden ?? false,
      locale: over.locale ?? 'nl',
      facilitatorKey: 'f1',
      status: over.status ?? 'open',
      createdAt: 1,
      expiresAt: 1 + 30 * 24 * 3600_000,
      closedReason: over.status === 'closed' ? (over.closedReason ?? 'facilitator') : undefined,
    },
    tally: { counts: { veel: 2, gemixt: 1, weinig: 1 }, voters: over.voters ?? 4 },
    named: over.anonymous === false ? names.map((name, i) => ({ name, choice: (['veel', 'veel', 'gemixt', 'weinig'] as const)[i]! })) : [],
  };
}

const variants = [
  { name: 'open anonymous nl', s: state() },
  { name: 'open named en', s: state({ anonymous: false, locale: 'en' }) },
  { name: 'closed nl', s: state({ status: 'closed' }) },
  { name: 'closed named en', s: state({ status: 'closed', anonymous: false, locale: 'en' }) },
  { name: 'no votes', s: { ...state(), tally: { counts: { veel: 0, gemixt: 0, weinig: 0 }, voters: 0 } } },
  { name: 'open hidden nl', s: state({ hidden: true }) },
  { name: 'open hidden named en', s: state({ hidden: true, anonymous: false, locale: 'en' }) },
  { name: 'closed hidden', s: state({ hidden: true, status: 'closed' }) },
  { name: 'closed by expiry en', s: state({ status: 'closed', closedReason: 'expired', locale: 'en' }) },
];

describe('poll card templates', () => {
  for (const { name, s } of variants) {
    it(`expands to a valid Block Kit message and Adaptive Card (${name})`, () => {
      for (const personal of [{}, { ownVote: 'veel' as const }, { notice: 'Alleen wie de peiling opende kan ze sluiten.' }]) {
        const model = buildPollCardModel(s, personal);
        const slack = renderSlackPoll(model);
        const teams = renderTeamsPoll(model);
        expect(JSON.stringify(slack)).not.toContain('${');
        expect(JSON.stringify(teams)).not.toContain('${');
        expect(checkBlockKit(slack)).toEqual([]);
        expect(validateAdaptiveCard(teams)).toEqual([]);
      }
    });
  }

  it('renders exactly what a direct template expansion gives, for every shape and awkward text', () => {
    const awkward = { ...state({ anonymous: false }), poll: { ...state().poll, question: 'Quotes " \\ back\\slash, new\nline, tab\t, ${notATemplate} & <b>, émoji 🌡️' } };
    const all = [...variants.map((v) => v.s), awkward];
    for (const s of all) {
      for (const personal of [{}, { ownVote: 'weinig' as const }, { notice: 'Let op: "niets" veranderd' }]) {
        const model = buildPollCardModel(s, personal);
        for (const platform of ['slack', 'teams'] as const) {
          expect(expandCard(platform, 'poll', model)).toEqual(expandCardDirect(platform, 'poll', model));
        }
      }
    }
  });

  it('renders a valid notice card', () => {
    const card = renderTeamsNotice('Deze peiling bestaat niet meer.');
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Deze peiling bestaat niet meer.');
  });

  it('shows three vote buttons and a close button while open, none when closed', () => {
    const open = renderSlackPoll(buildPollCardModel(state()));
    const actions = open.blocks.find((b) => (b as { type: string }).type === 'actions') as { elements: { action_id: string; value: string; text: { text: string } }[] };
    expect(actions.elements.map((e) => e.text.text)).toEqual(['Veel enthousiasme', 'Gemixt enthousiasme', 'Weinig enthousiasme', 'Peiling sluiten']);
    expect(actions.elements.every((e) => e.value === 'pollAbc123XYZ')).toBe(true);
    const teamsOpen = renderTeamsPoll(buildPollCardModel(state())) as { actions: { type: string; verb: string; data: unknown }[] };
    expect(teamsOpen.actions.map((a) => [a.type, a.verb])).toEqual([
      ['Action.Execute', 'vote'],
      ['Action.Execute', 'vote'],
      ['Action.Execute', 'vote'],
      ['Action.Execute', 'close'],
    ]);
    expect(teamsOpen.actions[0]!.data).toEqual({ pollId: 'pollAbc123XYZ', choice: 'veel' });

    const closed = renderSlackPoll(buildPollCardModel(state({ status: 'closed' })));
    expect(closed.blocks.some((b) => (b as { type: string }).type === 'actions')).toBe(false);
    expect(JSON.stringify(closed)).toContain('Temperatuur van het team: Veel enthousiasme');
    expect((renderTeamsPoll(buildPollCardModel(state({ status: 'closed' }))) as { actions: unknown[] }).actions).toEqual([]);
  });

  it('never shows names on an anonymous card and shows them on a named one', () => {
    const anon = JSON.stringify(renderTeamsPoll(buildPollCardModel(state())));
    expect(anon).not.toContain('Annelies');
    const named = renderSlackPoll(buildPollCardModel(state({ anonymous: false })));
    const text = JSON.stringify(named);
    expect(text).toContain('Annelies Peeters');
    expect(text).toContain('Bram &lt;Janssens&gt;');
    expect(text).toContain('&lt;Brede School&gt;');
  });

  it('writes English when the poll is English', () => {
    const text = JSON.stringify(renderTeamsPoll(buildPollCardModel(state({ locale: 'en', status: 'closed' }))));
    expect(text).toContain('Team temperature: Much enthusiasm');
    expect(text).not.toContain('Veel enthousiasme');
    expect(text).not.toContain('stemmen');
  });

  it('hides counts, bars and names of an open hidden poll, says so, and shows them once closed', () => {
    for (const anonymous of [true, false]) {
      const model = buildPollCardModel(state({ hidden: true, anonymous }), { ownVote: 'veel' });
      for (const card of [renderSlackPoll(model), renderTeamsPoll(model)]) {
        const text = JSON.stringify(card);
        expect(text).not.toMatch(/\d \(\d+%\)|█|Annelies/);
        expect(text).toContain('Verborgen: de resultaten verschijnen pas als de peiling sluit.');
        expect(text).toContain('4 stemmen');
      }
      expect(JSON.stringify(model)).not.toMatch(/\(50%\)|█/);
    }
    const closed = JSON.stringify(renderSlackPoll(buildPollCardModel(state({ hidden: true, status: 'closed' }))));
    expect(closed).toContain('2 (50%)');
    expect(closed).not.toContain('Verborgen');
  });

  it('says why a poll closed when it reached its maximum age', () => {
    expect(JSON.stringify(renderTeamsPoll(buildPollCardModel(state({ status: 'closed', closedReason: 'expired' }))))).toContain('hoogstens 30 dagen');
    expect(JSON.stringify(renderSlackPoll(buildPollCardModel(state({ status: 'closed' }))))).not.toContain('Automatisch');
  });

  it('renders a valid Slack notice that replaces a card', () => {
    const notice = renderSlackNotice('Deze peiling kon niet starten <nu>.');
    expect(checkBlockKit(notice)).toEqual([]);
    expect(JSON.stringify(notice)).toContain('&lt;nu&gt;');
    expect(JSON.stringify(notice)).not.toContain('${');
  });

  it('shows the personal vote only in the personal view', () => {
    expect(JSON.stringify(renderTeamsPoll(buildPollCardModel(state(), { ownVote: 'gemixt' })))).toContain('Jouw stem: Gemixt enthousiasme');
    expect(JSON.stringify(renderTeamsPoll(buildPollCardModel(state())))).not.toContain('Jouw stem');
  });
});
