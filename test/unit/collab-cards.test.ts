import { describe, expect, it } from 'vitest';
import type { CardView } from '../../src/app/card-views.js';
import type { PollState } from '../../src/app/ports.js';
import { renderSlackCard, renderTeamsCard, slackFormatting, teamsFormatting } from '../../src/cards/platform-cards.js';
import { expandCard, expandCardDirect, type CardName, type SlackMessage } from '../../src/cards/render.js';
import { buildDecisionModel, buildReminderModel, buildRootModel, buildStepModel, type Formatting } from '../../src/cards/collab-card-models.js';
import { buildAnswersModel, buildChooseModel, buildDecisionsModel, buildEvaluationModel, buildListModel, buildRegisterModel, paginate } from '../../src/cards/summary-card-models.js';
import { buildWorksheetModel } from '../../src/cards/worksheet-model.js';
import { buildFollowUpModel } from '../../src/cards/follow-up-model.js';
import type { FollowUpsView } from '../../src/app/card-views.js';
import type { FollowUp } from '../../src/domain/follow-up.js';
import { worksheetVariants } from '../support/worksheet-fixtures.js';
import { collabMessages } from '../../src/content/collab-messages.js';
import { outcomeText, stepText } from '../../src/content/steps.js';
import {
  CollaborationSchema,
  DecisionSchema,
  temperatureRecord,
  type AnswerSet,
  type Collaboration,
  type Decision,
  type OpenItem,
  type Step,
  type TemperatureRecord,
} from '../../src/domain/collaboration.js';
import { PollSchema, type Locale } from '../../src/domain/poll.js';
import { checkBlockKit } from '../support/block-kit-check.js';
import { validateAdaptiveCard } from '../support/adaptive-card-validate.js';
import { nodes, type Obj } from '../support/json-tree.js';

const T0 = Date.UTC(2025, 2, 14, 9, 30);
const DAY = 24 * 60 * 60 * 1000;
const locales = ['nl', 'en'] as const;
const TEAMS_MAX_BYTES = 80 * 1024;

// People carry a Slack-like id and a display name; Slack shows <@id>, Teams the name.
const faci = { id: 'U07FACI01', name: 'Annelies Peeters' };
const opvolger = { id: 'U07OPVO01', name: 'Bram Janssens' };
const coord1 = { id: 'U07COOR01', name: 'Chloé Dubois' };
const coord2 = { id: 'U07COOR02', name: 'Dries Vermeulen' };
const lid = { id: 'U07LID001', name: 'Eva Maes' };

function collab(locale: Locale, over: Partial<Collaboration> = {}): Collaboration {
  return CollaborationSchema.parse({
    id: 'abcdefghij12',
    scope: { platform: 'slack', tenant: 'T0WERKT01' },
    title: 'Huiswerkklas met de bib',
    issue: '',
    locale,
    step: 1,
    stage: 'steps',
    facilitator: faci,
    coordinators: [],
    createdAt: T0,
    ...over,
  });
}

function fullCollab(locale: Locale, over: Partial<Collaboration> = {}): Collaboration {
  return collab(locale, {
    issue: 'Kinderen in de wijk hebben na school geen rustige plek om huiswerk te maken.',
    form: 'netwerk',
    opvolger,
    coordinators: [coord1, coord2],
    step: 4,
    stage: 'deciding',
    ...over,
  });
}

const mixedTemperature = (): TemperatureRecord => temperatureRecord('pollAbc123XYZ', { veel: 5, gemixt: 1, weinig: 1 }, 7, T0 + 3 * DAY);
const noVoteTemperature = (): TemperatureRecord => temperatureRecord('pollNoVotes123', { veel: 0, gemixt: 0, weinig: 0 }, 0, T0 + 3 * DAY);

function decision(over: Partial<Decision> = {}): Decision {
  return DecisionSchema.parse({
    id: 'dec000001',
    outcome: 'nogo',
    rationale: 'Geen budget dit schooljaar; we bekijken het opnieuw in het voorjaar.',
    withWhom: 'met het beleidsteam',
    by: faci,
    at: T0 + 4 * DAY,
    temperature: mixedTemperature(),
    tension: 'traject',
    ...over,
  });
}

const openItems: OpenItem[] = [
  { id: 'itm00000001', kind: 'opvolgpunt', text: 'Budget navragen bij de stad' },
  { id: 'itm00000002', kind: 'voorwaarde', text: 'Een vaste ruimte in de bib' },
  { id: 'itm00000003', kind: 'traject', text: 'Plan een traject rond de spanning tussen het draagvlak in het team en de beslissing.' },
];

const members = [faci, opvolger, coord1, coord2, lid].map((p) => ({ id: p.id, name: p.name }));

function answerSet(person: { id: string; name: string }, step: Step, locale: Locale, text: (qid: string) => string): AnswerSet {
  return { by: person, at: T0 + DAY, values: Object.fromEntries(stepText(locale, step).questions.map((q) => [q.id, text(q.id)])) };
}

function pollState(locale: Locale, status: 'open' | 'closed'): PollState {
  const poll = PollSchema.parse({
    id: 'pollAbc123XYZ',
    scope: { platform: 'slack', tenant: 'T0WERKT01' },
    question: locale === 'nl' ? 'Hoeveel enthousiasme is er in ons team voor deze samenwerking?' : 'How much enthusiasm does our team have?',
    anonymous: true,
    hidden: false,
    locale,
    facilitatorKey: 'fk1',
    status,
    createdAt: T0,
    expiresAt: T0 + 30 * DAY,
    closedAt: status === 'closed' ? T0 + DAY : undefined,
    closedReason: status === 'closed' ? 'facilitator' : undefined,
    collabId: 'abcdefghij12',
  });
  return { poll, tally: { counts: { veel: 5, gemixt: 1, weinig: 1 }, voters: 7 }, named: [] };
}

// ---------------------------------------------------------------------------------------------
// Helpers to look into rendered cards.

const slackActionIds = (m: SlackMessage): string[] => nodes(m.blocks, (o) => typeof o['action_id'] === 'string').map((o) => o['action_id'] as string);
const blockById = (m: SlackMessage, id: string): Obj | undefined => (m.blocks as Obj[]).find((b) => b['block_id'] === id);
const slackBlocksOfType = (m: SlackMessage, type: string): Obj[] => (m.blocks as Obj[]).filter((b) => b['type'] === type);
const textBlocks = (card: Obj): string[] => nodes(card, (o) => o['type'] === 'TextBlock').map((o) => o['text'] as string);
const teamsInputs = (card: Obj): Obj[] => nodes(card, (o) => typeof o['type'] === 'string' && (o['type'] as string).startsWith('Input.'));
const teamsActions = (card: Obj): Obj[] => nodes(card, (o) => typeof o['type'] === 'string' && (o['type'] as string).startsWith('Action.'));
const teamsFacts = (card: Obj): { title: string; value: string }[] =>
  nodes(card, (o) => o['type'] === 'FactSet').flatMap((f) => f['facts'] as { title: string; value: string }[]);

/** Renders on Slack and checks every message: no template leftovers, valid Block Kit, unique action ids. */
function slack(view: CardView): SlackMessage[] {
  const messages = renderSlackCard(view);
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(JSON.stringify(m)).not.toContain('${');
    expect(checkBlockKit(m)).toEqual([]);
    const ids = slackActionIds(m);
    expect(new Set(ids).size, `action ids ${ids.join(', ')}`).toBe(ids.length);
    // In mrkdwn, < starts a mention or link; any other < must have been escaped.
    for (const text of nodes(m.blocks, (o) => o['type'] === 'mrkdwn').map((o) => o['text'] as string)) {
      expect(text, 'unescaped < in mrkdwn').not.toMatch(/<(?![@#!]|https?:)/);
    }
    // Block Kit buttons know two styles; anything else (even "default") makes Slack answer invalid_blocks.
    for (const button of nodes(m.blocks, (o) => o['type'] === 'button')) {
      expect([undefined, 'primary', 'danger'], `style of ${String(button['action_id'])}`).toContain(button['style']);
    }
  }
  return messages;
}

/** Renders on Teams and checks every card: no template leftovers, a valid Adaptive Card, under the size limit. */
function teams(view: CardView): Obj[] {
  const cards = renderTeamsCard(view);
  expect(cards.length).toBeGreaterThan(0);
  for (const card of cards) {
    const json = JSON.stringify(card);
    expect(json).not.toContain('${');
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(Buffer.byteLength(json, 'utf8')).toBeLessThan(TEAMS_MAX_BYTES);
  }
  return cards;
}

function one<T>(list: T[]): T {
  expect(list).toHaveLength(1);
  return list[0]!;
}

// ---------------------------------------------------------------------------------------------
// Every kind, in both languages, on both platforms.

type Variant = { name: string; view: (locale: Locale) => CardView };

const variants: Variant[] = [
  { name: 'root, minimal (no opvolger, coordinators, form, temperature, decision or items)', view: (l) => ({ kind: 'root', view: { collab: collab(l), openItems: [] } }) },
  {
    name: 'root, complete with a decision under tension and open items',
    view: (l) => ({ kind: 'root', view: { collab: fullCollab(l), temperature: mixedTemperature(), decision: decision(), openItems } }),
  },
  {
    name: 'root, a poll without votes and a go without tension',
    view: (l) => ({
      kind: 'root',
      view: { collab: fullCollab(l), temperature: noVoteTemperature(), decision: decision({ outcome: 'go', temperature: noVoteTemperature(), tension: undefined }), openItems: [] },
    }),
  },
  {
    name: 'root, many open items',
    view: (l) => ({
      kind: 'root',
      view: { collab: fullCollab(l, { stage: 'steps', step: 2 }), openItems: Array.from({ length: 27 }, (_, i) => ({ id: `itm${i}`.padEnd(11, '0'), kind: 'opvolgpunt' as const, text: `Opvolgpunt nummer ${i + 1}` })) },
    }),
  },
  {
    name: 'root, stopped after stap 4',
    view: (l) => ({ kind: 'root', view: { collab: fullCollab(l, { stage: 'stopped' }), decision: decision({ viaStep4: true, temperature: undefined, tension: undefined }), openItems: [] } }),
  },
  {
    name: 'root, the facilitator editing (Teams form) with a personal notice',
    view: (l) => ({ kind: 'root', view: { collab: fullCollab(l), openItems: [], editing: { members } }, personal: { notice: collabMessages(l).rootSaved, tone: 'ok' } }),
  },
  { name: 'confirm forgetting', view: (l) => ({ kind: 'confirm', locale: l, collabId: 'abcdefghij12', title: 'Huiswerkklas <met> de bib' }) },
  { name: 'offer of a dossier link', view: (l) => ({ kind: 'offer', text: collabMessages(l).dossierOffer, button: collabMessages(l).dossierButton, verb: 'collab.dossier', value: 'abcdefghij12' }) },
  {
    name: 'a private dossier link',
    view: (l) => ({ kind: 'link', text: collabMessages(l).dossierLink('http://localhost:3978/dossier/x', 7 * DAY, true), button: collabMessages(l).openDossier, url: 'http://localhost:3978/dossier/x' }),
  },
  ...([1, 6, 10] as const).map(
    (n): Variant => ({
      name: `reminder ${n}`,
      view: (l) => ({ kind: 'reminder', view: { collab: fullCollab(l), n, answered: 2, members: 7, own: n === 6 ? { by: faci, at: T0 + DAY, values: { q1: 'Ons vierkant is scheef.', q2: '', q3: 'De werkvloer.' } } : undefined } }),
    }),
  ),
  ...([1, 2, 3, 4] as const).map(
    (step): Variant => ({
      name: `step ${step}, in progress`,
      view: (l) => ({ kind: 'step', view: { collab: fullCollab(l, { stage: 'steps', step }), step, answered: 3, members: 7, openItems: step === 4 ? openItems.slice(0, 2) : [] } }),
    }),
  ),
  {
    name: 'step 2 with the viewer\'s own answers and a notice',
    view: (l) => ({
      kind: 'step',
      view: { collab: fullCollab(l, { stage: 'steps', step: 2 }), step: 2, answered: 1, openItems, own: answerSet(lid, 2, l, (q) => `Mijn antwoord op ${q}`) },
      personal: { notice: collabMessages(l).answersSaved, tone: 'ok' },
    }),
  },
  { name: 'step 4, stopped', view: (l) => ({ kind: 'step', view: { collab: fullCollab(l, { stage: 'stopped' }), step: 4, answered: 5, members: 7, openItems: [] } }) },
  { name: 'step 4, deciding', view: (l) => ({ kind: 'step', view: { collab: fullCollab(l), step: 4, answered: 5, openItems: [] } }) },
  { name: 'decision, no temperature and no decision', view: (l) => ({ kind: 'decision', view: { collab: fullCollab(l), decisions: [] } }) },
  {
    name: 'decision, with an error notice for one person',
    view: (l) => ({ kind: 'decision', view: { collab: fullCollab(l), decisions: [] }, personal: { notice: collabMessages(l).required, tone: 'error' } }),
  },
  {
    name: 'decision, with temperature and a decision under tension',
    view: (l) => ({ kind: 'decision', view: { collab: fullCollab(l), temperature: mixedTemperature(), decisions: [decision({ outcome: 'go', tension: undefined }), decision()] } }),
  },
  {
    name: 'answers, a few members',
    view: (l) => ({
      kind: 'answers',
      view: { collab: fullCollab(l), sheet: 'step1', sets: [answerSet(faci, 1, l, (q) => `Antwoord van Annelies op ${q}`), answerSet(lid, 1, l, (q) => (q === 'hoe' ? '' : `Eva: ${q}`))] },
    }),
  },
  { name: 'answers, nobody answered yet', view: (l) => ({ kind: 'answers', view: { collab: fullCollab(l), sheet: 'step3', sets: [] } }) },
  { name: 'evaluation', view: (l) => ({ kind: 'evaluation', collab: fullCollab(l, { stage: 'stopped' }) }) },
  { name: 'decisions, none yet', view: (l) => ({ kind: 'decisions', view: { collab: fullCollab(l), decisions: [] } }) },
  {
    name: 'decisions, three of them',
    view: (l) => ({
      kind: 'decisions',
      view: { collab: fullCollab(l), temperature: mixedTemperature(), decisions: [decision({ outcome: 'go', tension: undefined, temperature: undefined }), decision({ id: 'dec000002' }), decision({ id: 'dec000003', viaStep4: true })] },
    }),
  },
  { name: 'list, empty', view: (l) => ({ kind: 'list', view: { locale: l, entries: [] } }) },
  {
    name: 'list, with entries',
    view: (l) => ({
      kind: 'list',
      view: {
        locale: l,
        entries: [
          { collab: collab(l, { step: 2 }) },
          { collab: fullCollab(l, { id: 'abcdefghij13', title: 'Taalbad in de zomer' }), temperature: mixedTemperature(), decision: decision() },
          { collab: fullCollab(l, { id: 'abcdefghij14', title: 'Samen sporten', stage: 'stopped' }), decision: decision({ viaStep4: true, tension: undefined }) },
        ],
      },
    }),
  },
  {
    name: 'choose between collaborations',
    view: (l) => ({
      kind: 'choose',
      locale: l,
      command: 'stap 2',
      options: [
        { collabId: 'abcdefghij12', title: 'Huiswerkklas met de bib' },
        { collabId: 'abcdefghij13', title: 'Taalbad in de zomer' },
        { collabId: 'abcdefghij14', title: 'Samen sporten' },
      ],
    }),
  },
  { name: 'notice', view: (l) => ({ kind: 'notice', text: collabMessages(l).stoppedNote }) },
  { name: 'poll, open in a collaboration', view: (l) => ({ kind: 'poll', state: pollState(l, 'open'), personal: { ownVote: 'veel' } }) },
  { name: 'poll, closed', view: (l) => ({ kind: 'poll', state: pollState(l, 'closed') }) },
  ...worksheetVariants((l) => fullCollab(l)),
  { name: 'worksheet partners, adding one', view: (l) => ({ kind: 'worksheet', view: { collab: fullCollab(l), sheet: 'partners', entries: [], editing: { item: 'new', values: {} } } }) },
  ...followUpVariants(),
  {
    name: 'register search',
    view: (l) => ({ kind: 'register', locale: l, name: 'Natuur<punt>', entries: [{ organisation: 'Natuurpunt', helped: 'Goede <voorbereiding>.', hindered: '', at: T0 }] }),
  },
];

/** Follow-ups: the thread's list, nudges, the coordinators' overdue list, a personal overview and the change lines. */
function followUpVariants(): { name: string; view: (l: Locale) => CardView }[] {
  const item = (id: string, text: string, due: string, owner = faci, status: 'open' | 'done' = 'open'): FollowUp => ({
    id: `fu${id}`.padEnd(12, '0'), collabId: 'abcdefghij12', text, owner, due, status, createdBy: faci, createdAt: T0,
  });
  const items = [item('1', 'Offerte <opvragen> & doorsturen', '2025-03-12'), item('2', 'Zaal boeken', '2025-03-20', { id: 'U07MEMB02', name: 'Jonas' }), item('3', 'Affiche', '2026-01-05')];
  const entries = (list: FollowUp[]) => list.map((i) => ({ item: i, collabTitle: 'Huiswerkklas <met> de bib' }));
  const view = (l: Locale, purpose: FollowUpsView['purpose'], list: FollowUp[], actions: boolean, change?: FollowUpsView['change']): CardView => ({
    kind: 'followups',
    view: { locale: l, purpose, entries: entries(list), today: '2025-03-14', actions, ...(change ? { change } : {}) },
  });
  return [
    { name: 'follow-ups list (one overdue, one next year)', view: (l) => view(l, 'list', items, false) },
    { name: 'follow-ups list, empty', view: (l) => view(l, 'list', [], false) },
    { name: 'nudge, two working days before', view: (l) => view(l, 'soon', [items[1]!], true) },
    { name: 'nudge, due today', view: (l) => view(l, 'due', [items[1]!], true) },
    { name: 'overdue list for coordinators', view: (l) => view(l, 'overdue', items.slice(0, 2), false) },
    { name: 'personal overview with menus', view: (l) => view(l, 'mine', items, true) },
    {
      name: 'personal overview with collaborations and a notice (Home tab)',
      view: (l) => ({
        kind: 'followups',
        view: {
          locale: l, purpose: 'mine', entries: entries(items), today: '2025-03-14', actions: true, notice: 'Genoteerd <als> afgewerkt.',
          collabs: [{ title: 'Huiswerkklas <met> de bib', step: 2, stage: 'steps', lead: true }, { title: 'Taalbad', step: 4, stage: 'deciding', lead: false }],
        },
      }),
    },
    { name: 'personal overview, nothing yet', view: (l) => ({ kind: 'followups', view: { locale: l, purpose: 'mine', entries: [], today: '2025-03-14', actions: true, collabs: [] } }) },
    { name: 'weekly digest', view: (l) => view(l, 'digest', items, true) },
    // More than a card holds: the first LISTED_MAX with a line on where the rest is.
    { name: 'weekly digest, cut short', view: (l) => view(l, 'digest', Array.from({ length: 30 }, (_, i) => item(String(i + 10), `Punt ${i}`, '2025-04-01')), true) },
    {
      name: 'hand-over picker (Teams)',
      view: (l) => ({
        kind: 'followups',
        view: { locale: l, purpose: 'due', entries: entries([items[1]!]), today: '2025-03-14', actions: false, handOver: { members: [faci, { id: 'U07MEMB03', name: 'An <De> Smet' }] } },
      }),
    },
    ...(['added', 'done', 'snoozed', 'reassigned'] as const).map((kind) => ({ name: `follow-up line: ${kind}`, view: (l: Locale) => view(l, 'change', [items[0]!], false, { kind, by: faci }) })),
    { name: 'follow-up lines: several added at once', view: (l) => view(l, 'change', items, false, { kind: 'added', by: faci }) },
  ];
}

describe('every collaboration card renders valid Slack and Teams messages', () => {
  for (const { name, view } of variants) {
    for (const locale of locales) {
      it(`${name} (${locale}, Slack)`, () => {
        const messages = slack(view(locale));
        for (const m of messages) expect(m.text.trim()).not.toBe('');
      });
      it(`${name} (${locale}, Teams)`, () => {
        const cards = teams(view(locale));
        for (const card of cards) expect(card['fallbackText']).toEqual(expect.any(String));
      });
    }
  }

  it('covers every kind of collaboration card, the poll and the notice', () => {
    const kinds = new Set(variants.map((v) => v.view('nl').kind));
    expect([...kinds].sort()).toEqual(['answers', 'choose', 'confirm', 'decision', 'decisions', 'evaluation', 'followups', 'link', 'list', 'notice', 'offer', 'poll', 'register', 'reminder', 'root', 'step', 'worksheet']);
  });

  it('expands each card exactly as a direct template expansion would (the shape cache changes nothing)', () => {
    const models = (view: CardView, f: Formatting): [CardName, object][] => {
      switch (view.kind) {
        case 'root':
          return [['root', buildRootModel(view.view, f, view.personal)]];
        case 'step':
          return [['step', buildStepModel(view.view, f, view.personal)]];
        case 'reminder':
          return [['step', buildReminderModel(view.view, f, view.personal)]];
        case 'decision':
          return [['decision', buildDecisionModel(view.view, f, view.personal)]];
        case 'answers':
          return paginate(buildAnswersModel(view.view, f)).map((p): [CardName, object] => ['summary', p]);
        case 'evaluation':
          return paginate(buildEvaluationModel(view.collab, f)).map((p): [CardName, object] => ['summary', p]);
        case 'decisions':
          return paginate(buildDecisionsModel(view.view, f)).map((p): [CardName, object] => ['summary', p]);
        case 'list':
          return paginate(buildListModel(view.view, f)).map((p): [CardName, object] => ['summary', p]);
        case 'choose':
          return [['choose', buildChooseModel(view.locale, view.command, view.options, f)]];
        case 'worksheet':
          return [['worksheet', buildWorksheetModel(view.view, f, view.personal)]];
        case 'register':
          return paginate(buildRegisterModel(view.locale, view.name, view.entries, f)).map((p): [CardName, object] => ['summary', p]);
        case 'followups':
          return [['followups', buildFollowUpModel(view.view, f)]];
        default:
          return [];
      }
    };
    let compared = 0;
    const differing: string[] = [];
    for (const { name, view } of variants) {
      for (const locale of locales) {
        for (const [platform, f] of [['slack', slackFormatting], ['teams', teamsFormatting]] as const) {
          for (const [card, model] of models(view(locale), f)) {
            compared++;
            const cached = JSON.stringify(expandCard(platform, card, model));
            const direct = JSON.stringify(expandCardDirect(platform, card, model));
            if (cached !== direct) differing.push(`${platform}/${card}: ${name} (${locale})`);
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(60);
    expect(differing).toEqual([]);
  });

  it('writes English on English cards and Dutch on Dutch ones', () => {
    for (const { view } of variants) {
      const nl = JSON.stringify([renderSlackCard(view('nl')), renderTeamsCard(view('nl'))]);
      const en = JSON.stringify([renderSlackCard(view('en')), renderTeamsCard(view('en'))]);
      expect(en).not.toEqual(nl);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Content.

describe('root card content', () => {
  it('shows the title and the facilitator: Slack as a mention, Teams by name', () => {
    for (const locale of locales) {
      const view: CardView = { kind: 'root', view: { collab: fullCollab(locale), openItems: [] } };
      const m = collabMessages(locale);
      const s = one(slack(view));
      expect((blockById(s, 'title')?.['text'] as Obj)['text']).toBe('*Huiswerkklas met de bib*');
      const fields = (blockById(s, 'facts')?.['fields'] as Obj[]).map((f) => f['text']);
      expect(fields).toContain(`*${m.fields.facilitator}*\n<@U07FACI01>`);
      expect(fields).toContain(`*${m.fields.opvolger}*\n<@U07OPVO01>`);
      expect(fields).toContain(`*${m.fields.coordinators}*\n<@U07COOR01>, <@U07COOR02>`);
      expect(JSON.stringify(s)).not.toContain('Annelies');

      const t = one(teams(view));
      expect(textBlocks(t)).toContain('Huiswerkklas met de bib');
      const facts = teamsFacts(t);
      expect(facts).toContainEqual({ title: m.fields.facilitator, value: 'Annelies Peeters' });
      expect(facts).toContainEqual({ title: m.fields.opvolger, value: 'Bram Janssens' });
      expect(facts).toContainEqual({ title: m.fields.coordinators, value: 'Chloé Dubois, Dries Vermeulen' });
      expect(facts).toContainEqual({ title: m.fields.form, value: m.forms.netwerk });
      expect(JSON.stringify(t)).not.toContain('<@');
    }
  });

  it('shows a dash for every field that is not filled in yet', () => {
    const t = one(teams({ kind: 'root', view: { collab: collab('nl'), openItems: [] } }));
    const facts = teamsFacts(t);
    const none = collabMessages('nl').none;
    for (const title of ['Waarover gaat het', 'Idee-opvolger', 'Coördinatoren', 'Vorm', 'Temperatuur', 'Beslissing']) {
      expect(facts, title).toContainEqual({ title, value: none });
    }
    expect(facts).toContainEqual({ title: 'Waar staan we', value: 'Stap 1 van 4' });
    expect(slackBlocksOfType(one(slack({ kind: 'root', view: { collab: collab('nl'), openItems: [] } })), 'section').map((b) => b['block_id'])).not.toContain('items');
  });

  it('escapes user text on Slack and leaves it as it is on Teams', () => {
    const title = 'Huiswerk <script>& bib';
    const issue = 'Ouders & kinderen <b>nu</b>';
    const view: CardView = { kind: 'root', view: { collab: fullCollab('nl', { title, issue }), openItems: [{ id: 'itm00000009', kind: 'opvolgpunt', text: 'Check <script>&' }] } };
    const s = JSON.stringify(one(slack(view)));
    expect(s).toContain('Huiswerk &lt;script&gt;&amp; bib');
    expect(s).toContain('Ouders &amp; kinderen &lt;b&gt;nu&lt;/b&gt;');
    expect(s).toContain('Opvolgpunt: Check &lt;script&gt;&amp;');
    expect(s).not.toContain('<script>');
    const t = one(teams(view));
    expect(textBlocks(t)).toContain(title);
    expect(teamsFacts(t)).toContainEqual({ title: 'Waarover gaat het', value: issue });
  });

  it('shows the temperature, the decision with its tension and the open items', () => {
    const view: CardView = { kind: 'root', view: { collab: fullCollab('nl'), temperature: mixedTemperature(), decision: decision(), openItems } };
    const t = one(teams(view));
    const facts = teamsFacts(t);
    expect(facts).toContainEqual({ title: 'Temperatuur', value: 'Veel enthousiasme (7 stemmen)' });
    const decided = facts.find((f) => f.title === 'Beslissing')?.value;
    expect(decided).toMatch(/^No go, met het beleidsteam, 18 maart 2025 · Traject nodig:/);
    expect(textBlocks(t)).toContain(
      '• Opvolgpunt: Budget navragen bij de stad\n\n• Voorwaarde: Een vaste ruimte in de bib\n\n• Traject: Plan een traject rond de spanning tussen het draagvlak in het team en de beslissing.',
    );
    const s = one(slack(view));
    expect((blockById(s, 'items')?.['text'] as Obj)['text']).toMatch(/^\*Open punten\*\n• Opvolgpunt: Budget navragen bij de stad\n/);
    const en = one(teams({ kind: 'root', view: { collab: fullCollab('en'), temperature: noVoteTemperature(), openItems: [] } }));
    expect(teamsFacts(en)).toContainEqual({ title: 'Temperature', value: 'Nobody voted. (0 votes)' });
  });

  it('shows at most 20 open items and counts the rest', () => {
    const many = Array.from({ length: 27 }, (_, i) => ({ id: `itm${i}`.padEnd(11, '0'), kind: 'voorwaarde' as const, text: `Voorwaarde ${i + 1}` }));
    const t = one(teams({ kind: 'root', view: { collab: fullCollab('nl'), openItems: many } }));
    // Teams' markdown joins single newlines, so its lines are apart by an empty line.
    const items = textBlocks(t).find((x) => x.startsWith('• Voorwaarde: Voorwaarde 1\n'));
    expect(items?.split('\n\n')).toHaveLength(21);
    expect(items?.endsWith('\n\n+7')).toBe(true);
  });

  it('offers the current step and the edit button, except when stopped', () => {
    const s = one(slack({ kind: 'root', view: { collab: fullCollab('nl', { stage: 'steps', step: 3 }), openItems: [] } }));
    const buttons = nodes(blockById(s, 'root_actions'), (o) => o['type'] === 'button');
    expect(buttons.map((b) => [b['action_id'], b['value']])).toEqual([
      ['collab.poststep', 'abcdefghij12:3'],
      ['collab.edit', 'abcdefghij12'],
    ]);
    expect((buttons[0]?.['text'] as Obj)['text']).toBe(stepText('nl', 3).title.slice(0, 75));
    const t = one(teams({ kind: 'root', view: { collab: fullCollab('en', { stage: 'steps', step: 3 }), openItems: [] } }));
    expect(teamsActions(t).map((a) => [a['verb'], (a['data'] as Obj)['v']])).toEqual([
      ['collab.poststep', 'abcdefghij12:3'],
      ['collab.edit', 'abcdefghij12'],
    ]);

    const stopped: CardView = { kind: 'root', view: { collab: fullCollab('nl', { stage: 'stopped' }), openItems: [] } };
    expect(slackActionIds(one(slack(stopped)))).toEqual([]);
    expect(teamsActions(one(teams(stopped)))).toEqual([]);
    expect(teamsFacts(one(teams(stopped)))).toContainEqual({ title: 'Waar staan we', value: 'Gestopt: het voorstel lukt niet' });
  });

  it('shows the facilitator\'s edit form on Teams with the current values and the chat\'s members', () => {
    for (const locale of locales) {
      const m = collabMessages(locale);
      const c = fullCollab(locale, { issue: 'Rustige plek voor huiswerk' });
      const t = one(teams({ kind: 'root', view: { collab: c, openItems: [], editing: { members } }, personal: { notice: m.rootSaved, tone: 'ok' } }));
      expect(textBlocks(t)[0]).toBe(m.rootSaved);
      // A confirmation reads as good news.
      expect(nodes(t, (o) => o['text'] === m.rootSaved)[0]?.['color']).toBe('Good');
      expect(teamsFacts(t)).toEqual([]);
      const inputs = Object.fromEntries(teamsInputs(t).map((i) => [i['id'], i]));
      expect(Object.keys(inputs)).toEqual(['title', 'issue', 'form', 'opvolger', 'coordinators', 'locale']);
      expect(inputs['title']?.['value']).toBe('Huiswerkklas met de bib');
      expect(inputs['title']?.['maxLength']).toBe(150);
      expect(inputs['issue']?.['value']).toBe('Rustige plek voor huiswerk');
      expect(inputs['form']?.['value']).toBe('netwerk');
      expect((inputs['form']?.['choices'] as Obj[]).map((x) => x['value'])).toEqual(['overleg', 'ad_hoc', 'netwerk', 'fusie']);
      expect(inputs['opvolger']?.['value']).toBe('U07OPVO01');
      expect(inputs['coordinators']?.['value']).toBe('U07COOR01,U07COOR02');
      expect(inputs['coordinators']?.['isMultiSelect']).toBe(true);
      expect(inputs['coordinators']?.['choices']).toEqual(members.map((p) => ({ title: p.name, value: p.id })));
      expect(inputs['locale']?.['value']).toBe(locale);
      expect(teamsActions(t).map((a) => a['verb'])).toEqual(['collab.save', 'collab.view']);
      expect(teamsActions(t).map((a) => a['title'])).toEqual([m.saveButton, m.cancelButton]);
    }
  });
});

describe('root card edit form without a roster', () => {
  it('stays a valid Adaptive Card when the chat\'s members could not be listed (invokes.ts falls back to [])', () => {
    const card = one(renderTeamsCard({ kind: 'root', view: { collab: fullCollab('nl'), openItems: [], editing: { members: [] } } }));
    const choiceSets = teamsInputs(card).filter((i) => i['type'] === 'Input.ChoiceSet');
    expect(choiceSets.map((i) => i['id'])).toEqual(['form', 'opvolger', 'coordinators', 'locale']);
    expect(validateAdaptiveCard(card)).toEqual([]);
  });
});

describe('step card content', () => {
  const stepView = (locale: Locale, step: Step, over: Partial<Collaboration> = {}): CardView => ({
    kind: 'step',
    view: { collab: fullCollab(locale, { stage: 'steps', step, ...over }), step, answered: 3, members: 7, openItems: step === 4 ? openItems.slice(0, 2) : [] },
  });

  it('reads "3 van 7 leden antwoordden" in Dutch and "3 of 7 members answered" in English', () => {
    const expected: Record<Locale, string> = { nl: '3 van 7 leden antwoordden', en: '3 of 7 members answered' };
    for (const locale of locales) {
      for (const step of [1, 2, 3, 4] as const) {
        // Validity is checked per variant above; here only the text matters.
        const s = one(renderSlackCard(stepView(locale, step)));
        expect(((blockById(s, 'progress')?.['elements'] as Obj[])[0] as Obj)['text']).toBe(expected[locale]);
        expect(textBlocks(one(teams(stepView(locale, step))))).toContain(expected[locale]);
      }
    }
  });

  it('says how many answered when the platform cannot count the members', () => {
    const view = (l: Locale, answered: number): CardView => ({ kind: 'step', view: { collab: fullCollab(l, { stage: 'steps', step: 1 }), step: 1, answered, openItems: [] } });
    expect(textBlocks(one(teams(view('nl', 1))))).toContain('1 lid antwoordde');
    expect(textBlocks(one(teams(view('nl', 4))))).toContain('4 leden antwoordden');
    expect(textBlocks(one(teams(view('en', 1))))).toContain('1 member answered');
  });

  it('shows every question of the step with its label and hint, and the stap 2 network traits', () => {
    for (const locale of locales) {
      for (const step of [1, 2, 3, 4] as const) {
        const content = stepText(locale, step);
        const s = one(renderSlackCard(stepView(locale, step)));
        expect(((blockById(s, 'title')?.['text'] as Obj)['text'])).toBe(content.title);
        for (const q of content.questions) {
          expect((blockById(s, `q_${q.id}`)?.['text'] as Obj)['text']).toBe(`*${q.label}*\n_${q.hint}_`);
        }
        const t = one(teams(stepView(locale, step)));
        expect(teamsFacts(t)).toEqual(content.facts.map((f) => ({ title: f.title, value: f.text })));
        for (const q of content.questions) expect(textBlocks(t)).toContain(q.hint);
      }
    }
    expect(teamsFacts(one(teams(stepView('nl', 2)))).map((f) => f.title)).toEqual(['Doel', 'Differentiatie', 'Integratie', 'Coördinatie']);
  });

  it('gives Teams one input per question, id q_<questionId>, empty without own answers', () => {
    for (const locale of locales) {
      for (const step of [1, 2, 3, 4] as const) {
        const inputs = teamsInputs(one(teams(stepView(locale, step))));
        expect(inputs.map((i) => i['id'])).toEqual(stepText(locale, step).questions.map((q) => `q_${q.id}`));
        for (const input of inputs) {
          expect(input['type']).toBe('Input.Text');
          expect(input['value'] ?? '').toBe('');
        }
      }
    }
  });

  it('fills the viewer\'s own answers into the Teams inputs', () => {
    for (const locale of locales) {
      const own = answerSet(lid, 2, locale, (q) => (q === 'samenwerk' ? '' : `Eva over ${q}:\n- eerste punt\n- tweede & <derde>`));
      const t = one(teams({ kind: 'step', view: { collab: fullCollab(locale, { stage: 'steps', step: 2 }), step: 2, answered: 4, members: 7, openItems: [], own } }));
      const values = Object.fromEntries(teamsInputs(t).map((i) => [i['id'], i['value'] ?? '']));
      expect(values).toEqual({
        q_drijfveer: 'Eva over drijfveer:\n- eerste punt\n- tweede & <derde>',
        q_expertise: 'Eva over expertise:\n- eerste punt\n- tweede & <derde>',
        q_samenwerk: '',
        q_opvolgpunten: 'Eva over opvolgpunten:\n- eerste punt\n- tweede & <derde>',
        q_voorwaarden: 'Eva over voorwaarden:\n- eerste punt\n- tweede & <derde>',
      });
    }
  });

  it('offers answering and showing the answers while open', () => {
    const s = one(slack(stepView('nl', 2)));
    const buttons = nodes(blockById(s, 'step_actions'), (o) => o['type'] === 'button');
    expect(buttons.map((b) => [b['action_id'], b['value'], (b['text'] as Obj)['text']])).toEqual([
      ['step.answer', 'abcdefghij12:2', 'Antwoorden'],
      ['step.show', 'abcdefghij12:2', 'Toon alle antwoorden'],
    ]);
    const t = one(teams(stepView('en', 2)));
    const actions = teamsActions(t).map((a) => [a['verb'], (a['data'] as Obj)['v'], a['title']]);
    expect(actions).toContainEqual(['step.answer', 'abcdefghij12:2', 'Save answers']);
    expect(actions).toContainEqual(['step.show', 'abcdefghij12:2', 'Show all answers']);
    // Saving sends the inputs along; showing everyone's answers does not need them.
    const save = teamsActions(t).find((a) => a['verb'] === 'step.answer');
    expect(save?.['associatedInputs']).not.toBe('none');
    expect(teamsActions(t).find((a) => a['verb'] === 'step.show')?.['associatedInputs']).toBe('none');
  });

  it('has the four stap 4 outcome buttons while the collaboration is in its steps, and lists the open items', () => {
    for (const locale of locales) {
      const o = outcomeText(locale);
      const m = collabMessages(locale);
      const s = one(renderSlackCard(stepView(locale, 4)));
      const outcomes = nodes(blockById(s, 'outcomes'), (x) => x['type'] === 'button');
      const byValue = new Map(outcomes.map((b) => [b['value'], b]));
      expect([...byValue.keys()].sort()).toEqual(['abcdefghij12:back1', 'abcdefghij12:back2', 'abcdefghij12:fails', 'abcdefghij12:ok']);
      expect(outcomes).toHaveLength(4);
      const label = (v: string) => (byValue.get(`abcdefghij12:${v}`)?.['text'] as Obj)['text'];
      const style = (v: string) => byValue.get(`abcdefghij12:${v}`)?.['style'];
      expect([label('ok'), label('back1'), label('back2'), label('fails')]).toEqual([o.ok, m.outcomeBack(1), m.outcomeBack(2), o.fails]);
      // "Alles ok" stands out, "lukt niet" is destructive, the two ways back are plain buttons (no style at all).
      expect([style('ok'), style('back1'), style('back2'), style('fails')]).toEqual(['primary', undefined, undefined, 'danger']);
      expect(outcomes.map((b) => b['action_id'])).toEqual(outcomes.map((b) => `step.outcome.${String(b['value']).split(':')[1]}`));
      expect(((blockById(s, 'outcome_note')?.['elements'] as Obj[])[0] as Obj)['text']).toBe(m.stepFourChoose);
      expect((blockById(s, 'items')?.['text'] as Obj)['text']).toContain(`${m.itemKind.voorwaarde}: Een vaste ruimte in de bib`);

      const t = one(teams(stepView(locale, 4)));
      const teamsOutcomes = teamsActions(t).filter((a) => a['verb'] === 'step.outcome');
      expect(teamsOutcomes.map((a) => [a['title'], (a['data'] as Obj)['v'], a['associatedInputs']])).toEqual([
        [o.ok, 'abcdefghij12:ok', 'none'],
        [m.outcomeBack(1), 'abcdefghij12:back1', 'none'],
        [m.outcomeBack(2), 'abcdefghij12:back2', 'none'],
        [o.fails, 'abcdefghij12:fails', 'none'],
      ]);
    }
  });

  it('has no outcome buttons on the other steps, nor on stap 4 once the team is deciding', () => {
    for (const step of [1, 2, 3] as const) {
      expect(slackActionIds(one(slack(stepView('nl', step)))).filter((id) => id.startsWith('step.outcome'))).toEqual([]);
      expect(teamsActions(one(teams(stepView('nl', step)))).filter((a) => a['verb'] === 'step.outcome')).toEqual([]);
    }
    const deciding: CardView = { kind: 'step', view: { collab: fullCollab('nl'), step: 4, answered: 5, openItems: [] } };
    const slackIds = slackActionIds(one(slack(deciding)));
    expect(slackIds).toContain('step.answer');
    expect(slackIds.filter((id) => id.startsWith('step.outcome'))).toEqual([]);
    const verbs = teamsActions(one(teams(deciding))).map((a) => a['verb']);
    expect(verbs).toContain('step.answer');
    expect(verbs).not.toContain('step.outcome');
  });

  it('has no inputs and no buttons for answering once the collaboration stopped', () => {
    for (const locale of locales) {
      for (const step of [2, 4] as const) {
        const stopped: CardView = { kind: 'step', view: { collab: fullCollab(locale, { stage: 'stopped' }), step, answered: 5, members: 7, openItems: [] } };
        const s = one(slack(stopped));
        expect(slackBlocksOfType(s, 'actions')).toEqual([]);
        expect(slackActionIds(s)).toEqual([]);
        const t = one(teams(stopped));
        expect(teamsInputs(t)).toEqual([]);
        const verbs = teamsActions(t).map((a) => a['verb']);
        expect(verbs).not.toContain('step.answer');
        expect(verbs).not.toContain('step.mine');
        expect(verbs).not.toContain('step.outcome');
        // Reading everyone's answers stays possible.
        expect(verbs).toContain('step.show');
        // The questions are still there to read.
        expect(textBlocks(t)).toContain(stepText(locale, step).questions[0]!.label);
      }
    }
  });

  it('escapes the collaboration title on the Slack step card', () => {
    const s = one(slack({ kind: 'step', view: { collab: fullCollab('nl', { stage: 'steps', step: 1, title: 'Bib <script>&' }), step: 1, answered: 0, openItems: [] } }));
    expect(((blockById(s, 'collab')?.['elements'] as Obj[])[0] as Obj)['text']).toContain('Bib &lt;script&gt;&amp;');
    expect(JSON.stringify(s)).not.toContain('<script>');
    expect(s.text).toBe('Stap 1 · Verken het idee: Bib &lt;script&gt;&amp;');
  });
});

describe('decision card content', () => {
  it('without a temperature, says so and offers the poll button', () => {
    for (const locale of locales) {
      const m = collabMessages(locale);
      const view: CardView = { kind: 'decision', view: { collab: fullCollab(locale), decisions: [] } };
      const s = one(slack(view));
      expect((blockById(s, 'no_temperature')?.['text'] as Obj)['text']).toBe(m.noTemperature);
      expect(blockById(s, 'temperature')).toBeUndefined();
      expect((blockById(s, 'current')?.['text'] as Obj)['text']).toBe(`*${m.noDecisions}*`);
      const buttons = nodes(blockById(s, 'decision_actions'), (o) => o['type'] === 'button');
      expect(buttons.map((b) => [b['action_id'], b['value']])).toEqual([
        ['decision.record.go', 'abcdefghij12:go'],
        ['decision.record.nogo', 'abcdefghij12:nogo'],
        ['decision.poll', 'abcdefghij12'],
      ]);
      expect((buttons[2]?.['text'] as Obj)['text']).toBe(m.startPollButton);

      const t = one(teams(view));
      expect(textBlocks(t)).toContain(m.noTemperature);
      expect(teamsActions(t).map((a) => a['verb'])).toEqual(['fuform.open', 'decision.record', 'decision.poll']);
      const inputs = teamsInputs(t);
      expect(inputs.map((i) => i['id'])).toEqual(['outcome', 'rationale', 'withWhom']);
      expect((inputs[0]?.['choices'] as Obj[]).map((c) => c['value'])).toEqual(['go', 'nogo']);
      expect(inputs[2]?.['value']).toBe(m.withWhomDefault);
    }
  });

  it('with a temperature and a decision under tension, shows both and no poll button', () => {
    const view: CardView = { kind: 'decision', view: { collab: fullCollab('nl'), temperature: mixedTemperature(), decisions: [decision({ outcome: 'go', tension: undefined }), decision()] } };
    const s = one(slack(view));
    expect((blockById(s, 'temperature')?.['text'] as Obj)['text']).toBe('Temperatuur: Veel enthousiasme (7 stemmen)');
    expect(blockById(s, 'no_temperature')).toBeUndefined();
    expect((blockById(s, 'current')?.['text'] as Obj)['text']).toBe('*Beslissing: No go, met het beleidsteam, 18 maart 2025 (<@U07FACI01>)*');
    const tension = (blockById(s, 'tension')?.['text'] as Obj)['text'] as string;
    expect(tension.startsWith('⚠️ Traject nodig')).toBe(true);
    expect(tension).toBe(`⚠️ ${collabMessages('nl').tension.traject}`);
    expect(((blockById(s, 'rationale')?.['elements'] as Obj[])[0] as Obj)['text']).toBe('Geen budget dit schooljaar; we bekijken het opnieuw in het voorjaar.');
    expect(slackActionIds(s)).toEqual(['decision.record.go', 'decision.record.nogo', 'fuform.open']);

    const t = one(teams(view));
    const texts = textBlocks(t);
    expect(texts.find((x) => x.includes('Traject nodig'))).toMatch(/^⚠️ Traject nodig: /);
    expect(texts).toContain('Beslissing: No go, met het beleidsteam, 18 maart 2025 (Annelies Peeters)');
    expect(teamsActions(t).map((a) => a['verb'])).toEqual(['fuform.open', 'decision.record']);

    const en = one(teams({ kind: 'decision', view: { collab: fullCollab('en'), temperature: mixedTemperature(), decisions: [decision({ tension: 'aandacht' })] } }));
    expect(textBlocks(en)).toContain(`⚠️ ${collabMessages('en').tension.aandacht}`);
    expect(textBlocks(en)).toContain('Decision: No go, met het beleidsteam, 18 March 2025 (Annelies Peeters)');
  });

  it('shows a personal error notice on Teams as a warning', () => {
    const t = one(teams({ kind: 'decision', view: { collab: fullCollab('en'), decisions: [] }, personal: { notice: collabMessages('en').required, tone: 'error' } }));
    const notice = nodes(t, (o) => o['type'] === 'TextBlock')[0];
    expect(notice?.['text']).toBe(collabMessages('en').required);
    expect(notice?.['color']).toBe('Attention');
  });

  it('escapes the rationale and the "with whom" on Slack', () => {
    const view: CardView = {
      kind: 'decision',
      view: { collab: fullCollab('nl'), temperature: mixedTemperature(), decisions: [decision({ rationale: 'Budget <script>& nu', withWhom: 'met R&D <team>' })] },
    };
    const s = JSON.stringify(one(slack(view)));
    expect(s).toContain('Budget &lt;script&gt;&amp; nu');
    expect(s).toContain('met R&amp;D &lt;team&gt;');
    expect(s).not.toContain('<script>');
  });
});

describe('summary cards', () => {
  it('paginates 40 members × 5 questions × 1500-character answers into several valid messages', () => {
    const people = Array.from({ length: 40 }, (_, i) => ({ id: `U07M${String(i).padStart(5, '0')}`, name: `Lid ${i + 1}` }));
    for (const locale of locales) {
      const sets = people.map((p, i) => answerSet(p, 2, locale, (q) => `${p.name} ${q} `.padEnd(1500, `antwoord ${i} & meer `.slice(0, 20))));
      expect(sets.every((s) => Object.values(s.values).every((v) => v.length === 1500))).toBe(true);
      expect(Object.keys(sets[0]!.values)).toHaveLength(5);
      const view: CardView = { kind: 'answers', view: { collab: fullCollab(locale, { stage: 'steps', step: 2 }), sheet: 'step2', sets } };
      const heading = collabMessages(locale).answersHeading(2);

      const slackPages = slack(view);
      expect(slackPages.length).toBeGreaterThan(1);
      for (const page of slackPages) {
        expect((slackBlocksOfType(page, 'header')[0]?.['text'] as Obj)['text']).toBe(heading);
        expect(page.blocks.length).toBeLessThanOrEqual(50);
      }
      const slackAll = JSON.stringify(slackPages);
      for (const p of people) expect(slackAll.split(`<@${p.id}>: `).length - 1, p.id).toBe(5);
      for (const q of stepText(locale, 2).questions) expect(slackAll).toContain(`*${q.label}*`);
      expect(slackAll).toContain('&amp; meer');

      const teamsPages = teams(view);
      expect(teamsPages.length).toBeGreaterThan(1);
      for (const card of teamsPages) expect(textBlocks(card)[0]).toBe(heading);
      const teamsAll = JSON.stringify(teamsPages);
      for (const p of people) expect(teamsAll.split(`${p.name}: ${p.name} `).length - 1, p.name).toBe(5);
    }
  });

  it('shows every member\'s answers under the question and a dash for an unanswered question', () => {
    const view: CardView = {
      kind: 'answers',
      view: { collab: fullCollab('nl'), sheet: 'step1', sets: [answerSet(faci, 1, 'nl', (q) => `Annelies: ${q}`), answerSet(lid, 1, 'nl', (q) => (q === 'hoe' ? '  ' : `Eva: ${q}`))] },
    };
    const t = one(teams(view));
    const texts = textBlocks(t);
    expect(texts).toContain('Antwoorden op stap 1');
    expect(texts).toContain('Waarom samenwerken?');
    expect(texts).toContain('Annelies Peeters: Annelies: waarom\n\nEva Maes: Eva: waarom');
    expect(texts).toContain('Annelies Peeters: Annelies: hoe');
    const s = one(slack(view));
    expect(JSON.stringify(s)).toContain('*Waarom samenwerken?*\\n<@U07FACI01>: Annelies: waarom\\n<@U07LID001>: Eva: waarom');
    const none = one(teams({ kind: 'answers', view: { collab: fullCollab('en'), sheet: 'step3', sets: [] } }));
    expect(textBlocks(none)).toContain(collabMessages('en').noAnswers);
  });

  it('the evaluation card carries the intro and the three questions', () => {
    for (const locale of locales) {
      const o = outcomeText(locale);
      const view: CardView = { kind: 'evaluation', collab: fullCollab(locale, { stage: 'stopped' }) };
      const t = one(teams(view));
      expect(textBlocks(t)).toEqual(expect.arrayContaining([o.evaluationTitle, o.evaluationIntro, '1.', '2.', '3.', ...o.evaluationQuestions]));
      const s = one(slack(view));
      const sections = slackBlocksOfType(s, 'section').map((b) => (b['text'] as Obj)['text']);
      expect(sections).toEqual([o.evaluationIntro, ...o.evaluationQuestions.map((q, i) => `*${i + 1}.*\n${q}`)]);
    }
  });

  it('the decisions card lists every decision and marks the older ones as superseded', () => {
    const view: CardView = {
      kind: 'decisions',
      view: { collab: fullCollab('nl'), decisions: [decision({ outcome: 'go', tension: undefined, temperature: undefined }), decision({ id: 'dec000002', viaStep4: true })] },
    };
    const t = one(teams(view));
    const texts = textBlocks(t);
    expect(texts).toContain('Go, met het beleidsteam, 18 maart 2025');
    expect(texts).toContain('Annelies Peeters: Geen budget dit schooljaar; we bekijken het opnieuw in het voorjaar.\n\n_Vervangen door een latere beslissing_');
    const last = texts.find((x) => x.includes('Beslist in stap 4'));
    expect(last).toBe(
      'Annelies Peeters: Geen budget dit schooljaar; we bekijken het opnieuw in het voorjaar.\n\nTemperatuur: Veel enthousiasme (7 stemmen)\n\nBeslist in stap 4: het voorstel lukt niet.',
    );
    expect(JSON.stringify(one(slack(view)))).toContain('<@U07FACI01>: Geen budget');
    expect(textBlocks(one(teams({ kind: 'decisions', view: { collab: fullCollab('en'), decisions: [] } })))).toContain(collabMessages('en').noDecisions);
  });

  it('the list shows each collaboration with step, temperature and decision, or says the channel has none', () => {
    for (const locale of locales) {
      const m = collabMessages(locale);
      const empty: CardView = { kind: 'list', view: { locale, entries: [] } };
      expect(textBlocks(one(teams(empty)))).toEqual([m.listHeading, m.listEmpty]);
      expect(JSON.stringify(one(slack(empty)))).toContain(m.listEmpty);
    }
    const view: CardView = {
      kind: 'list',
      view: {
        locale: 'nl',
        entries: [
          { collab: collab('nl', { step: 2, title: 'Bib & <school>' }) },
          { collab: fullCollab('nl', { id: 'abcdefghij13', title: 'Taalbad in de zomer' }), temperature: mixedTemperature(), decision: decision() },
        ],
      },
    };
    const t = one(teams(view));
    expect(textBlocks(t)).toContain(
      '*Bib & <school>*: Stap 2 van 4 · temperatuur: — · beslissing: —\n\n*Taalbad in de zomer*: Temperatuur en beslissing · temperatuur: Veel enthousiasme (7 stemmen) · beslissing: No go (Traject nodig)',
    );
    expect(JSON.stringify(one(slack(view)))).toContain('*Bib &amp; &lt;school&gt;*: Stap 2 van 4');
  });
});

describe('choose, notice and poll cards', () => {
  const chooseView = (locale: Locale): CardView => ({
    kind: 'choose',
    locale,
    command: 'stap 2',
    options: [
      { collabId: 'abcdefghij12', title: 'Huiswerkklas <met> de bib' },
      { collabId: 'abcdefghij13', title: 'Taalbad in de zomer' },
    ],
  });

  it('choose: each option repeats the command with the collaboration id (Teams)', () => {
    const t = one(teams(chooseView('nl')));
    expect(textBlocks(t)).toEqual([collabMessages('nl').chooseCollab]);
    expect(teamsActions(t).map((a) => [a['verb'], a['title'], (a['data'] as Obj)['v']])).toEqual([
      ['collab.pick', 'Huiswerkklas <met> de bib', 'abcdefghij12|stap 2'],
      ['collab.pick', 'Taalbad in de zomer', 'abcdefghij13|stap 2'],
    ]);
  });

  it('choose: each option repeats the command with the collaboration id, with unique action ids (Slack)', () => {
    const s = renderSlackCard(chooseView('en'))[0]!;
    const accessories = nodes(s.blocks, (o) => o['type'] === 'button');
    expect(accessories.map((b) => b['value'])).toEqual(['abcdefghij12|stap 2', 'abcdefghij13|stap 2']);
    expect(JSON.stringify(s)).toContain('*Huiswerkklas &lt;met&gt; de bib*');
    const ids = slackActionIds(s);
    expect(new Set(ids).size, `action ids: ${ids.join(', ')}`).toBe(ids.length);
    expect(checkBlockKit(s)).toEqual([]);
  });

  it('notice: one line, escaped on Slack', () => {
    const s = one(slack({ kind: 'notice', text: 'Let op: <niets> & niemand' }));
    expect(s.text).toBe('Let op: &lt;niets&gt; &amp; niemand');
    expect(slackActionIds(s)).toEqual([]);
    const t = one(teams({ kind: 'notice', text: 'Let op: <niets> & niemand' }));
    expect(textBlocks(t)).toEqual(['Let op: <niets> & niemand']);
  });

  it('poll: the temperature poll of a collaboration renders with its buttons while open', () => {
    const s = one(slack({ kind: 'poll', state: pollState('nl', 'open') }));
    expect(slackActionIds(s)).toEqual(['poll_vote_veel', 'poll_vote_gemixt', 'poll_vote_weinig', 'poll_close', 'chase.poll']);
    const closed = one(teams({ kind: 'poll', state: pollState('en', 'closed') }));
    expect(teamsActions(closed)).toEqual([]);
    expect(textBlocks(closed)).toContain('Team temperature: Much enthusiasm');
  });
});
