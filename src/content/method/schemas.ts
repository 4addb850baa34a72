import { z } from 'zod';
import type { Locale } from '../../domain/poll.js';

/**
 * Schemas for the method content of seeds 000, 002, 003 and 004. Every list exists in nl and en
 * with the same ids in the same order; ids key button values, Redis fields and the dossier, so
 * they never change with the language. Limits follow Slack and Teams (labels at most 150).
 */

const text = (max: number) => z.string().trim().min(1).max(max);

/** A stable id: lower case, starts with a letter, short enough for button values and Redis fields. */
export const IdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/);

/** A checklist point or question: stable id and a label of at most 150 characters. */
export const PointSchema = z.object({
  id: IdSchema,
  label: text(150),
  /** Optional explanation under the label. */
  hint: text(300).optional(),
});
export type Point = z.infer<typeof PointSchema>;

// ---- seed 003: ten reminders ------------------------------------------------------------

export const REMINDER_COUNT = 10;

const reflective = <Id extends 'q1' | 'q2' | 'q3'>(id: Id) => z.object({ id: z.literal(id), label: text(150) });

export const ReminderSchema = z
  .object({
    id: z.string().regex(/^r([1-9]|10)$/),
    number: z.number().int().min(1).max(REMINDER_COUNT),
    /** The fixed title of seed 003. */
    title: text(80),
    /** Two or three short sentences, written fresh. */
    explanation: text(400),
    /** Exactly three reflective questions, always q1, q2, q3. */
    questions: z.tuple([reflective('q1'), reflective('q2'), reflective('q3')]),
  })
  .refine((r) => r.id === `r${r.number}`, { message: 'reminder id must be r<number>' });
export type Reminder = z.infer<typeof ReminderSchema>;
export type ReminderQuestion = Reminder['questions'][number];

// ---- seed 003: five conditions ------------------------------------------------------------

export const CONDITION_IDS = ['ambitie', 'belangen', 'relatie', 'organisatie', 'proces'] as const;
export type ConditionId = (typeof CONDITION_IDS)[number];

export const ConditionSchema = z.object({
  id: z.enum(CONDITION_IDS),
  title: text(60),
  /** What the condition means. */
  description: text(300),
  /** The one question to discuss when the group scores it low or disagrees. */
  discussion: text(200),
});
export type Condition = z.infer<typeof ConditionSchema>;

// ---- seed 002: forms, dimensions, issue check ---------------------------------------------

export const FORM_IDS = ['overleg', 'ad_hoc', 'netwerk', 'fusie'] as const;
export type FormId = (typeof FORM_IDS)[number];

export const FormSchema = z.object({
  id: z.enum(FORM_IDS),
  title: text(60),
  /** One line. */
  description: text(200),
});
export type Form = z.infer<typeof FormSchema>;

export const DIMENSION_IDS = [
  'belangen',
  'feitelijke_beslissingen',
  'formele_beslissingen',
  'middelen_macht',
  'engagement',
  'identificatie',
] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

export const DimensionSchema = z.object({
  id: z.enum(DIMENSION_IDS),
  title: text(60),
  /** "Where does our collaboration stand on this?", as a label. */
  question: text(150),
});
export type Dimension = z.infer<typeof DimensionSchema>;

export const ISSUE_CHECK_IDS = ['taak', 'ik', 'wij'] as const;
export type IssueCheckId = (typeof ISSUE_CHECK_IDS)[number];

export const IssueCheckSchema = z.object({
  id: z.enum(ISSUE_CHECK_IDS),
  /** TAAK, IK, WIJ. */
  title: text(20),
  question: text(150),
});
export type IssueCheck = z.infer<typeof IssueCheckSchema>;

// ---- seed 000: agreement themes, articles, internal partners, party data -----------------

export const THEME_IDS = [
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
] as const;
export type ThemeId = (typeof THEME_IDS)[number];

export const ThemeSchema = z.object({
  id: z.enum(THEME_IDS),
  title: text(80),
  /** One line: what to agree on. */
  hint: text(200),
});
export type AgreementTheme = z.infer<typeof ThemeSchema>;

export const ARTICLE_COUNT = 14;

export const ArticleSchema = z.object({
  id: z.string().regex(/^a([1-9]|1[0-4])$/),
  /**
   * Number in the draft agreement. The parties open the agreement without a number, so the
   * object (the common goal) is article 1, as seed 000 and issue 7 say; annexes close it.
   */
  articleNumber: z.number().int().min(1).max(ARTICLE_COUNT).nullable(),
  title: text(80),
  /** What goes into the article, one line. */
  hint: text(200),
  /** The agreement themes whose agreements this article draws on. */
  themes: z.array(z.enum(THEME_IDS)),
  /** The article that carries the common goal of the collaboration. */
  commonGoal: z.boolean().default(false),
  /** The article that lists the parties with their official data. */
  partyData: z.boolean().default(false),
});
export type Article = z.infer<typeof ArticleSchema>;

export const INTERNAL_PARTNER_IDS = [
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
] as const;
export type InternalPartnerId = (typeof INTERNAL_PARTNER_IDS)[number];

export const InternalPartnerSchema = z.object({
  id: z.enum(INTERNAL_PARTNER_IDS),
  title: text(80),
  /** What to involve them for. */
  hint: text(200),
});
export type InternalPartner = z.infer<typeof InternalPartnerSchema>;

export const PARTY_FIELD_IDS = ['naam', 'rechtsvorm', 'zetel', 'ondernemingsnummer', 'ondertekenaar', 'functie'] as const;
export type PartyFieldId = (typeof PARTY_FIELD_IDS)[number];

export const PartyFieldSchema = z.object({ id: z.enum(PARTY_FIELD_IDS), label: text(80) });
export type PartyField = z.infer<typeof PartyFieldSchema>;

// ---- seed 004: schools and external organisations ------------------------------------------

export const SCHOOL_STEP_COUNT = 6;

export const SchoolStepSchema = z.object({
  id: z.string().regex(/^s[1-6]$/),
  title: text(150),
  points: z.array(PointSchema).min(1).max(16),
  /** Only step 6: the evaluation questions (what helped, what hindered) for the register. */
  evaluation: z.array(PointSchema).min(1).max(4).optional(),
});
export type SchoolStep = z.infer<typeof SchoolStepSchema>;

export const ATTENTION_IDS = [
  'pedagogisch_project',
  'eindtermen',
  'visieteksten',
  'rok',
  'zorgvuldig_bestuur',
  'participatie',
  'privacy',
] as const;
export type AttentionId = (typeof ATTENTION_IDS)[number];

export const AttentionSchema = z.object({ id: z.enum(ATTENTION_IDS), label: text(150), hint: text(300) });
export type AttentionPoint = z.infer<typeof AttentionSchema>;

// ---- loading ---------------------------------------------------------------------------------

export type Localized<T> = Readonly<Record<Locale, readonly T[]>>;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Parses both languages of one list once, at import: every entry must match the schema, ids
 * must be unique, and en must carry exactly the ids of nl in the same order (including nested
 * ids that `signature` returns). A content mistake throws here instead of on a card.
 */
export function parseLocalized<S extends z.ZodType<{ id: string }>>(
  name: string,
  schema: S,
  source: Readonly<Record<Locale, readonly z.input<S>[]>>,
  signature: (item: z.output<S>) => string = (item) => item.id,
): Localized<z.output<S>> {
  const parse = (locale: Locale): z.output<S>[] => {
    const list = source[locale].map((entry, index) => {
      const result = schema.safeParse(entry);
      if (!result.success) throw new Error(`${name}.${locale}[${index}]: ${z.prettifyError(result.error)}`);
      return result.data;
    });
    const ids = list.map((item) => item.id);
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    if (duplicate) throw new Error(`${name}.${locale}: duplicate id ${duplicate}`);
    return list;
  };
  const nl = parse('nl');
  const en = parse('en');
  const expected = nl.map(signature).join(' | ');
  const actual = en.map(signature).join(' | ');
  if (expected !== actual) throw new Error(`${name}: en ids differ from nl (${actual} vs ${expected})`);
  return deepFreeze({ nl, en });
}

/** Throws when a parsed list does not carry exactly the expected ids in this order. */
export function requireIds(name: string, list: readonly { id: string }[], ids: readonly string[]): void {
  const actual = list.map((item) => item.id).join(',');
  if (actual !== ids.join(',')) throw new Error(`${name}: expected ids ${ids.join(',')}, found ${actual}`);
}
