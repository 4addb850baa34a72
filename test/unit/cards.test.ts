import { describe, expect, it } from 'vitest';
import { buildPollCardModel } from '../../src/cards/poll-card-model.js';
import { expandCard, expandCardDirect, renderSlackPoll, renderTeamsNotice, renderTeamsPoll } from '../../src/cards/render.js';
import type { PollState } from '../../src/app/ports.js';
import type { Locale } from '../../src/domain/poll.js';
import { checkBlockKit } from '../support/block-kit-check.js';
import { validateAdaptiveCard } from '../support/adaptive-card-validate.js';

function state(over: { status?: 'open' | 'closed'; anonymous?: boolean; locale?: Locale; voters?: number } = {}): PollState {
  const names = ['Annelies Peeters', 'Bram <Janssens>', 'Chloé & co', 'Dries'];
  return {
    poll: {
      id: 'pollAbc123XYZ',
      scope: { platform: 'slack', tenant: 'T1' },
      question: 'Hoeveel *enthousiasme* is er voor de <Brede School>?',
      anonymous: over.anonymous ?? true,
      locale: over.locale ?? 'nl',
      openedBy: 'U1',
      status: over.status ?? 'open',
      createdAt: 1,
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

  it('shows the personal vote only in the personal view', () => {
    expect(JSON.stringify(renderTeamsPoll(buildPollCardModel(state(), { ownVote: 'gemixt' })))).toContain('Jouw stem: Gemixt enthousiasme');
    expect(JSON.stringify(renderTeamsPoll(buildPollCardModel(state())))).not.toContain('Jouw stem');
  });
});
