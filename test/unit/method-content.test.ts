import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/domain/poll.js';
import {
  agreementThemes,
  articles,
  conditions,
  dimensions,
  forms,
  internalPartners,
  issueChecks,
  partyFields,
  reminder,
  reminders,
  schoolAttention,
  schoolEvaluation,
  schoolSteps,
} from '../../src/content/method/index.js';
import { parseLocalized, ReminderSchema } from '../../src/content/method/schemas.js';

const locales: readonly Locale[] = ['nl', 'en'];

// What ../shared/METHOD.md and issue 7 list; written out here so a change in the content cannot
// silently change the expectation too.
const REMINDER_TITLES_NL = [
  'Start bij jezelf',
  'Blijf balanceren',
  'Dubbele loyaliteit is realiteit',
  'Ga verder dan jubeltaal',
  'Iedereen kan iets brengen',
  'Organiseer het vierkant',
  'Een goed proces biedt houvast',
  'Bouw de juiste gesprekstafel',
  'Blijf onbevangen',
  'Wees druk met rust',
];
const numbered = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

interface Item {
  readonly id: string;
}
interface ListSpec {
  get: (locale: Locale) => readonly Item[];
  ids: readonly string[];
}

const lists: Record<string, ListSpec> = {
  reminders: { get: reminders, ids: numbered('r', 10) },
  conditions: { get: conditions, ids: ['ambitie', 'belangen', 'relatie', 'organisatie', 'proces'] },
  forms: { get: forms, ids: ['overleg', 'ad_hoc', 'netwerk', 'fusie'] },
  dimensions: {
    get: dimensions,
    ids: ['belangen', 'feitelijke_beslissingen', 'formele_beslissingen', 'middelen_macht', 'engagement', 'identificatie'],
  },
  issueChecks: { get: issueChecks, ids: ['taak', 'ik', 'wij'] },
  agreementThemes: {
    get: agreementThemes,
    ids: [
      'inhoud',
      'organisatorisch',
      'administratief',
      'financieel',
      'personeel',
      'overleg_besluitvorming',
      'data',
      'communicatie',
      'kwaliteitszorg',
      'rechten',
      'duur_evaluatie',
    ],
  },
  articles: { get: articles, ids: numbered('a', 14) },
  internalPartners: {
    get: internalPartners,
    ids: [
      'studentenadministratie',
      'studiebegeleiding',
      'kwaliteitszorg',
      'onderwijsontwikkeling',
      'dpo',
      'digitaal_leren',
      'studentenvoorzieningen',
      'communicatie',
      'levenslang_leren',
      'ict',
      'juridische_dienst',
    ],
  },
  partyFields: { get: partyFields, ids: ['naam', 'rechtsvorm', 'zetel', 'ondernemingsnummer', 'ondertekenaar', 'functie'] },
  schoolSteps: { get: schoolSteps, ids: numbered('s', 6) },
  schoolAttention: {
    get: schoolAttention,
    ids: ['pedagogisch_project', 'eindtermen', 'visieteksten', 'rok', 'zorgvuldig_bestuur', 'participatie', 'privacy'],
  },
};

/** Every id in an item, nested ones included (questions, points, evaluation). */
function idTree(item: unknown): string[] {
  if (Array.isArray(item)) return item.flatMap(idTree);
  if (!item || typeof item !== 'object') return [];
  const record = item as Record<string, unknown>;
  const own = typeof record.id === 'string' ? [record.id] : [];
  return [...own, ...Object.entries(record).filter(([key]) => key !== 'id').flatMap(([, value]) => idTree(value))];
}

/** Every string in the content with the key it sits under. */
function strings(value: unknown, key = ''): { key: string; text: string }[] {
  if (typeof value === 'string') return [{ key, text: value }];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

describe('method content: every item METHOD.md lists is there', () => {
  for (const [name, spec] of Object.entries(lists)) {
    it(`${name}: nl has exactly ${spec.ids.length} items with the expected ids, in order`, () => {
      expect(spec.get('nl').map((item) => item.id)).toEqual(spec.ids);
    });
  }

  it('the ten reminders carry the fixed titles of seed 003, numbered 1..10', () => {
    expect(reminders('nl').map((r) => r.title)).toEqual(REMINDER_TITLES_NL);
    for (const locale of locales) expect(reminders(locale).map((r) => r.number)).toEqual(numbered('', 10).map(Number));
  });

  it('step 1 of the school plan covers the points seed 004 lists', () => {
    const points = schoolSteps('nl')[0]?.points.map((p) => p.id);
    for (const id of ['visie', 'achtergrond', 'partners', 'leeftijd', 'curriculum', 'onderbouwing', 'veiligheid', 'diversiteit', 'educatief', 'meerwaarde']) {
      expect(points, id).toContain(id);
    }
  });

  it('only step 6 carries the evaluation: what helped and what hindered', () => {
    for (const locale of locales) {
      expect(schoolEvaluation(locale).map((q) => q.id)).toEqual(['hielp', 'hinderde']);
      expect(schoolSteps(locale).filter((s) => s.evaluation).map((s) => s.id)).toEqual(['s6']);
    }
  });
});

describe('method content: every nl item has its en twin', () => {
  for (const [name, spec] of Object.entries(lists)) {
    it(`${name}: en has the same ids as nl, nested ids included, in the same order`, () => {
      const nl = spec.get('nl');
      const en = spec.get('en');
      expect(en.length).toBe(nl.length);
      expect(en.map(idTree)).toEqual(nl.map(idTree));
    });

    it(`${name}: ids are unique, and so are the ids inside each item`, () => {
      for (const locale of locales) {
        const ids = spec.get(locale).map((item) => item.id);
        expect(new Set(ids).size, `${locale} ${ids.join(',')}`).toBe(ids.length);
        for (const item of spec.get(locale)) {
          const nested = idTree(item).slice(1);
          expect(new Set(nested).size, `${locale} ${item.id}: ${nested.join(',')}`).toBe(nested.length);
        }
      }
    });
  }

  it('the English reminders are translations, not copies', () => {
    const [nl, en] = [reminders('nl'), reminders('en')];
    nl.forEach((r, i) => {
      const twin = en[i];
      expect(twin?.title).not.toBe(r.title);
      expect(twin?.explanation).not.toBe(r.explanation);
      r.questions.forEach((q, j) => expect(twin?.questions[j]?.label).not.toBe(q.label));
    });
  });
});

describe('method content: shape and limits', () => {
  it('every reminder has exactly three questions q1, q2, q3 and a two- or three-sentence explanation', () => {
    for (const locale of locales) {
      for (const r of reminders(locale)) {
        expect(r.questions.map((q) => q.id), `${locale} ${r.id}`).toEqual(['q1', 'q2', 'q3']);
        const sentences = r.explanation.split(/(?<=[.!?])\s+/).filter(Boolean);
        expect(sentences.length, `${locale} ${r.id}: ${r.explanation}`).toBeGreaterThanOrEqual(2);
        expect(sentences.length, `${locale} ${r.id}: ${r.explanation}`).toBeLessThanOrEqual(3);
      }
    }
  });

  const limits: Record<string, number> = { title: 150, label: 150, question: 150, explanation: 400, description: 300, discussion: 200, hint: 300 };

  it('no text is empty or padded, and none exceeds its limit', () => {
    for (const locale of locales) {
      for (const [name, spec] of Object.entries(lists)) {
        for (const { key, text } of strings(spec.get(locale))) {
          expect(text.trim(), `${locale} ${name}.${key}`).toBe(text);
          expect(text.length, `${locale} ${name}.${key}`).toBeGreaterThan(0);
          const max = limits[key];
          if (max !== undefined) expect(text.length, `${locale} ${name}.${key}: ${text}`).toBeLessThanOrEqual(max);
        }
      }
      for (const c of conditions(locale)) expect(c.discussion.length).toBeLessThanOrEqual(200);
      for (const r of reminders(locale)) expect(r.explanation.length).toBeLessThanOrEqual(400);
    }
  });

  it('Dutch texts use the informal je-form, never u or uw', () => {
    for (const spec of Object.values(lists)) {
      for (const { text } of strings(spec.get('nl'))) expect(text, text).not.toMatch(/\b(u|uw)\b/i);
    }
  });

  it('the draft agreement holds the common goal in article 1 (the object) and every theme in some article', () => {
    for (const locale of locales) {
      const list = articles(locale);
      const goal = list.filter((a) => a.commonGoal);
      expect(goal.map((a) => [a.id, a.articleNumber])).toEqual([['a2', 1]]);
      expect(list.filter((a) => a.partyData).map((a) => [a.id, a.articleNumber])).toEqual([['a1', null]]);
      expect(list.map((a) => a.articleNumber)).toEqual([null, ...numbered('', 13).map(Number)]);
      const themeIds = new Set(agreementThemes(locale).map((t) => t.id));
      for (const a of list) for (const t of a.themes) expect(themeIds.has(t), `${a.id} -> ${t}`).toBe(true);
      for (const t of themeIds) expect(list.some((a) => a.themes.includes(t)), t).toBe(true);
    }
    expect(articles('nl')[1]?.title).toBe('Voorwerp van de overeenkomst');
  });
});

describe('method content: accessors and validation on load', () => {
  it('reminder(n) returns reminder n and throws outside 1..10', () => {
    expect(reminder('nl', 1).title).toBe('Start bij jezelf');
    expect(reminder('en', 10).id).toBe('r10');
    for (const n of [0, 11, 1.5, Number.NaN]) expect(() => reminder('nl', n)).toThrow();
  });

  it('parsed content is frozen, so no caller can change a card text for everyone', () => {
    const first = reminders('nl')[0];
    expect(Object.isFrozen(reminders('nl'))).toBe(true);
    expect(Object.isFrozen(first?.questions[0])).toBe(true);
  });

  it('the loader rejects a reminder without exactly three questions', () => {
    const good = reminders('nl')[0];
    const twoQuestions = { ...good, questions: good?.questions.slice(0, 2) };
    expect(ReminderSchema.safeParse(good).success).toBe(true);
    expect(ReminderSchema.safeParse(twoQuestions).success).toBe(false);
    expect(() => parseLocalized('t', ReminderSchema, { nl: [twoQuestions as never], en: [twoQuestions as never] })).toThrow(/t\.nl\[0\]/);
  });

  it('the loader rejects an en list whose ids differ from nl', () => {
    const [r1, r2] = reminders('nl');
    expect(() => parseLocalized('t', ReminderSchema, { nl: [r1!, r2!], en: [r2!, r1!] })).toThrow(/en ids differ/);
    expect(() => parseLocalized('t', ReminderSchema, { nl: [r1!, r2!], en: [r1!] })).toThrow(/en ids differ/);
    expect(() => parseLocalized('t', ReminderSchema, { nl: [r1!, r1!], en: [r1!, r1!] })).toThrow(/duplicate id r1/);
  });
});
