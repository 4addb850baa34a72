import { describe, expect, it } from 'vitest';
import {
  canDecide,
  ITEM_TEXT_MAX,
  itemsFromAnswers,
  temperatureRecord,
  tensionOf,
  TITLE_MAX,
  type AnswerSet,
  type Outcome,
  type Tension,
} from '../../src/domain/collaboration.js';
import type { Temperature } from '../../src/domain/poll.js';
import { parseCommand } from '../../src/app/parse-command.js';
import { outcomeText, stepText, STEP_COUNT } from '../../src/content/steps.js';
import { collabMessages } from '../../src/content/collab-messages.js';

const T0 = Date.UTC(2025, 2, 14, 9, 30);

describe('tensionOf (seed 001: team support against the decision)', () => {
  const table: [Outcome, Temperature | undefined, Tension | undefined][] = [
    ['go', 'veel', undefined],
    ['go', 'gemixt', 'aandacht'],
    ['go', 'weinig', 'traject'],
    ['go', undefined, undefined],
    ['nogo', 'veel', 'traject'],
    ['nogo', 'gemixt', 'aandacht'],
    ['nogo', 'weinig', undefined],
    ['nogo', undefined, undefined],
  ];
  for (const [outcome, level, expected] of table) {
    it(`${outcome} with ${level ?? 'no temperature'} gives ${expected ?? 'no tension'}`, () => {
      expect(tensionOf(outcome, level)).toBe(expected);
    });
  }

  it('covers every outcome × level combination exactly once', () => {
    const keys = new Set(table.map(([o, l]) => `${o}/${l ?? '-'}`));
    expect(keys.size).toBe(2 * 4);
  });
});

describe('temperatureRecord', () => {
  it('keeps counts, voters and closing time and takes the prevailing temperature', () => {
    expect(temperatureRecord('pollAbc123XYZ', { veel: 5, gemixt: 1, weinig: 0 }, 6, T0)).toEqual({
      pollId: 'pollAbc123XYZ',
      counts: { veel: 5, gemixt: 1, weinig: 0 },
      voters: 6,
      level: 'veel',
      closedAt: T0,
    });
    expect(temperatureRecord('pollAbc123XYZ', { veel: 0, gemixt: 1, weinig: 3 }, 4, T0).level).toBe('weinig');
    expect(temperatureRecord('pollAbc123XYZ', { veel: 1, gemixt: 2, weinig: 0 }, 3, T0).level).toBe('gemixt');
  });

  it('is gemixt on a tie for first place', () => {
    expect(temperatureRecord('pollAbc123XYZ', { veel: 3, gemixt: 0, weinig: 3 }, 6, T0).level).toBe('gemixt');
    expect(temperatureRecord('pollAbc123XYZ', { veel: 2, gemixt: 2, weinig: 1 }, 5, T0).level).toBe('gemixt');
  });

  it('has no level when nobody voted', () => {
    const record = temperatureRecord('pollAbc123XYZ', { veel: 0, gemixt: 0, weinig: 0 }, 0, T0);
    expect(record.level).toBeUndefined();
    expect(record.voters).toBe(0);
  });
});

describe('canDecide', () => {
  const collab = {
    facilitator: { id: 'U07FACI01', name: 'Annelies Peeters' },
    coordinators: [
      { id: 'U07COOR01', name: 'Bram Janssens' },
      { id: 'U07COOR02', name: 'Chloé Dubois' },
    ],
  };
  it('lets the facilitator and every coordinator decide', () => {
    expect(canDecide(collab, 'U07FACI01')).toBe(true);
    expect(canDecide(collab, 'U07COOR01')).toBe(true);
    expect(canDecide(collab, 'U07COOR02')).toBe(true);
  });
  it('refuses anyone else, including an empty id and a name instead of an id', () => {
    expect(canDecide(collab, 'U07LID001')).toBe(false);
    expect(canDecide(collab, '')).toBe(false);
    expect(canDecide(collab, 'Annelies Peeters')).toBe(false);
    expect(canDecide({ facilitator: collab.facilitator, coordinators: [] }, 'U07COOR01')).toBe(false);
  });
});

describe('itemsFromAnswers with the real stap 2 questions', () => {
  const questions = stepText('nl', 2).questions;
  const set = (id: string, values: Record<string, string>): AnswerSet => ({ by: { id, name: id }, at: T0, values });

  it('uses the stap 2 questions that carry items', () => {
    expect(questions.filter((q) => q.items).map((q) => [q.id, q.items])).toEqual([
      ['opvolgpunten', 'opvolgpunt'],
      ['voorwaarden', 'voorwaarde'],
    ]);
  });

  it('splits lines, strips "- ", "* " and "• " bullets and drops blank lines', () => {
    const items = itemsFromAnswers(
      [
        set('U1', {
          opvolgpunten: '- Budget navragen bij de stad\n\n* Lokaal reserveren\n   \n• Vrijwilligers zoeken\n  - Verzekering checken  \nOuders informeren',
        }),
      ],
      questions,
    );
    expect(items).toEqual([
      { kind: 'opvolgpunt', text: 'Budget navragen bij de stad' },
      { kind: 'opvolgpunt', text: 'Lokaal reserveren' },
      { kind: 'opvolgpunt', text: 'Vrijwilligers zoeken' },
      { kind: 'opvolgpunt', text: 'Verzekering checken' },
      { kind: 'opvolgpunt', text: 'Ouders informeren' },
    ]);
  });

  it('handles Windows line ends from a text input', () => {
    expect(itemsFromAnswers([set('U1', { voorwaarden: 'Akkoord van de directie\r\n- Een vaste ruimte\r\n' })], questions)).toEqual([
      { kind: 'voorwaarde', text: 'Akkoord van de directie' },
      { kind: 'voorwaarde', text: 'Een vaste ruimte' },
    ]);
  });

  it('removes duplicates across members, ignoring case and spacing, and keeps the first wording', () => {
    const items = itemsFromAnswers(
      [
        set('U1', { opvolgpunten: 'Budget navragen bij de stad\nLokaal reserveren' }),
        set('U2', { opvolgpunten: '- budget  NAVRAGEN bij   de stad\nlokaal reserveren\nVervoer regelen' }),
        set('U3', { opvolgpunten: 'Vervoer\tregelen' }),
      ],
      questions,
    );
    expect(items).toEqual([
      { kind: 'opvolgpunt', text: 'Budget navragen bij de stad' },
      { kind: 'opvolgpunt', text: 'Lokaal reserveren' },
      { kind: 'opvolgpunt', text: 'Vervoer regelen' },
    ]);
  });

  it('keeps opvolgpunten and voorwaarden apart: the same text under both kinds stays twice', () => {
    const items = itemsFromAnswers(
      [set('U1', { opvolgpunten: 'Akkoord van de directie', voorwaarden: 'Akkoord van de directie' }), set('U2', { voorwaarden: 'akkoord van de directie' })],
      questions,
    );
    expect(items).toEqual([
      { kind: 'opvolgpunt', text: 'Akkoord van de directie' },
      { kind: 'voorwaarde', text: 'Akkoord van de directie' },
    ]);
  });

  it('ignores the questions without items', () => {
    const items = itemsFromAnswers(
      [set('U1', { drijfveer: 'Past bij onze missie\n- zeker', expertise: 'Ja', samenwerk: 'Goed', voorwaarden: 'Een vaste ruimte' })],
      questions,
    );
    expect(items).toEqual([{ kind: 'voorwaarde', text: 'Een vaste ruimte' }]);
    expect(itemsFromAnswers([set('U1', { drijfveer: 'x', expertise: 'y' })], questions)).toEqual([]);
  });

  it('cuts a long line at ITEM_TEXT_MAX characters', () => {
    const long = `Een heel lang opvolgpunt ${'met veel uitleg '.repeat(40)}`;
    const [item] = itemsFromAnswers([set('U1', { opvolgpunten: `- ${long}` })], questions);
    expect(item?.text.length).toBe(ITEM_TEXT_MAX);
    expect(item?.text).toBe(long.slice(0, ITEM_TEXT_MAX));
  });

  it('gives nothing without answers', () => {
    expect(itemsFromAnswers([], questions)).toEqual([]);
    expect(itemsFromAnswers([set('U1', {})], questions)).toEqual([]);
  });

  it('takes only a bullet followed by a space: a line that starts with bold markup keeps its asterisks', () => {
    // Slack writes bold as *word*, Teams as **word**; neither is a bullet.
    const items = itemsFromAnswers([set('U1', { opvolgpunten: '*Budget* vrijmaken voor september\n**Vervoer** regelen' })], questions);
    expect(items.map((i) => i.text)).toEqual(['*Budget* vrijmaken voor september', '**Vervoer** regelen']);
  });
});

describe('parseCommand for collaborations', () => {
  it('reads start with a title', () => {
    expect(parseCommand('start Huiswerkklas met de bib')).toEqual({ kind: 'start', title: 'Huiswerkklas met de bib' });
    expect(parseCommand('  START   Huiswerkklas   met de bib ')).toEqual({ kind: 'start', title: 'Huiswerkklas met de bib' });
  });

  it('reads start alone as a start without title', () => {
    expect(parseCommand('start')).toEqual({ kind: 'start', title: undefined });
    expect(parseCommand('start    ')).toEqual({ kind: 'start', title: undefined });
  });

  it('cuts a title longer than TITLE_MAX to TITLE_MAX', () => {
    const parsed = parseCommand(`start ${'Brede school '.repeat(3)}${'x'.repeat(400)}`);
    expect(parsed.kind).toBe('start');
    const title = parsed.kind === 'start' ? parsed.title : undefined;
    expect(title?.length).toBe(TITLE_MAX);
    expect(title?.startsWith('Brede school Brede school Brede school xxx')).toBe(true);
  });

  it('reads the step in Dutch and English, apart or joined, in any case', () => {
    expect(parseCommand('stap 2')).toEqual({ kind: 'step', step: 2 });
    expect(parseCommand('step 3')).toEqual({ kind: 'step', step: 3 });
    expect(parseCommand('stap2')).toEqual({ kind: 'step', step: 2 });
    expect(parseCommand('step1')).toEqual({ kind: 'step', step: 1 });
    expect(parseCommand('STAP 4')).toEqual({ kind: 'step', step: 4 });
  });

  it('reads stap without a valid number as a step command without step', () => {
    expect(parseCommand('stap')).toEqual({ kind: 'step', step: undefined });
    expect(parseCommand('stap 9')).toEqual({ kind: 'step', step: undefined });
    expect(parseCommand('step 0')).toEqual({ kind: 'step', step: undefined });
    expect(parseCommand('stap twee')).toEqual({ kind: 'step', step: undefined });
  });

  it('reads the overview, decide and decisions commands in both languages', () => {
    expect(parseCommand('overzicht')).toEqual({ kind: 'list' });
    expect(parseCommand('list')).toEqual({ kind: 'list' });
    expect(parseCommand('besluit')).toEqual({ kind: 'decide' });
    expect(parseCommand('decide')).toEqual({ kind: 'decide' });
    expect(parseCommand('beslissing')).toEqual({ kind: 'decide' });
    expect(parseCommand('Besluiten')).toEqual({ kind: 'decisions' });
    expect(parseCommand('decisions')).toEqual({ kind: 'decisions' });
  });

  it('still reads poll flags', () => {
    expect(parseCommand('poll --verborgen --met-namen Gaan we ervoor?')).toEqual({ kind: 'poll', anonymous: false, hidden: true, question: 'Gaan we ervoor?' });
    expect(parseCommand('temperatuur --named')).toEqual({ kind: 'poll', anonymous: false, hidden: false, question: undefined });
    expect(parseCommand('peiling Doen we mee?')).toEqual({ kind: 'poll', anonymous: true, hidden: false, question: 'Doen we mee?' });
  });
});

describe('step and outcome content', () => {
  const ids: Record<1 | 2 | 3 | 4, string[]> = {
    1: ['waarom', 'doelen', 'hoe', 'met_wie'],
    2: ['drijfveer', 'expertise', 'samenwerk', 'opvolgpunten', 'voorwaarden'],
    3: ['bundelen', 'afstemming', 'ondersteuning', 'procesindicatoren', 'resultaatsindicatoren'],
    4: ['opvolgpunten_check', 'voorwaarden_check'],
  };
  const stepNumbers = [1, 2, 3, 4] as const;

  it('has four steps', () => {
    expect(STEP_COUNT).toBe(4);
  });

  for (const locale of ['nl', 'en'] as const) {
    for (const step of stepNumbers) {
      it(`stap ${step} (${locale}) has the expected question ids, the same as nl`, () => {
        const text = stepText(locale, step);
        expect(text.step).toBe(step);
        expect(text.questions.map((q) => q.id)).toEqual(ids[step]);
        expect(text.questions.map((q) => q.id)).toEqual(stepText('nl', step).questions.map((q) => q.id));
        expect(text.questions.map((q) => q.items)).toEqual(stepText('nl', step).questions.map((q) => q.items));
      });
    }
  }

  it('marks items only on the last two questions of stap 2, in both languages', () => {
    for (const locale of ['nl', 'en'] as const) {
      for (const step of stepNumbers) {
        const withItems = stepText(locale, step).questions.filter((q) => q.items !== undefined).map((q) => `${q.id}:${q.items}`);
        expect(withItems).toEqual(step === 2 ? ['opvolgpunten:opvolgpunt', 'voorwaarden:voorwaarde'] : []);
      }
    }
  });

  it('shows the four network traits as the facts of stap 2', () => {
    expect(stepText('nl', 2).facts.map((f) => f.title)).toEqual(['Doel', 'Differentiatie', 'Integratie', 'Coördinatie']);
    expect(stepText('en', 2).facts.map((f) => f.title)).toEqual(['Goal', 'Differentiation', 'Integration', 'Coordination']);
    for (const locale of ['nl', 'en'] as const) for (const f of stepText(locale, 2).facts) expect(f.text.length).toBeGreaterThan(10);
  });

  it('has exactly three evaluation questions in both languages, and differing texts', () => {
    expect(outcomeText('nl').evaluationQuestions).toHaveLength(3);
    expect(outcomeText('en').evaluationQuestions).toHaveLength(3);
    expect(outcomeText('en').evaluationQuestions).not.toEqual(outcomeText('nl').evaluationQuestions);
    expect(outcomeText('nl').ok).toBe('Alles ok!');
    expect(outcomeText('en').fails).toBe('It does not work out');
  });

  it('has the same message keys in nl and en, also nested, with values of the same kind', () => {
    const shape = (value: unknown, path: string, out: Map<string, string>): Map<string, string> => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value)) shape(v, path ? `${path}.${k}` : k, out);
      } else out.set(path, typeof value);
      return out;
    };
    const nl = shape(collabMessages('nl'), '', new Map());
    const en = shape(collabMessages('en'), '', new Map());
    expect(nl.size).toBeGreaterThan(60);
    expect([...en.keys()].sort()).toEqual([...nl.keys()].sort());
    for (const [key, kind] of nl) expect(en.get(key), key).toBe(kind);
    // Top level too, so a key added to only one language is named in the failure.
    for (const key of Object.keys(collabMessages('nl'))) expect(collabMessages('en'), key).toHaveProperty(key);
    for (const key of Object.keys(collabMessages('en'))) expect(collabMessages('nl'), key).toHaveProperty(key);
  });
});
