import type { WorksheetId } from '../../domain/collaboration.js';
import type { Locale } from '../../domain/poll.js';
import { conditions, dimensions, forms, issueChecks } from '../method/index.js';
import { agreementThemes, internalPartners, partyFields } from '../method/agreements.js';
import { schoolAttention, schoolEvaluation, schoolSteps } from '../method/schools.js';
import { worksheetMessages } from './messages.js';

/** text: one line; long: several lines; choice: one of `options`; toggle: on ('true') or off. */
export type FieldKind = 'text' | 'long' | 'choice' | 'toggle';

/** One input of a worksheet form. Its id keys the stored value. */
export interface WorksheetField {
  id: string;
  label: string;
  hint?: string;
  kind: FieldKind;
  options?: { value: string; label: string }[];
  /** Longest text accepted (choices and toggles are short by nature). */
  max: number;
  required?: boolean;
}

/** A line of the checklist: a condition, a dimension, a theme, a service, a school step, or a partner. */
export interface WorksheetItem {
  id: string;
  title: string;
  hint?: string;
  /** Checklist points shown with the item (school steps). */
  points: string[];
}

/**
 * member: every member fills in the whole sheet for themselves (conditions, form);
 * shared: the group keeps one copy of the whole sheet (internal partners);
 * item: the group keeps one entry per item, edited one at a time (agreements, externals, partners).
 */
export type WorksheetMode = 'member' | 'shared' | 'item';

export interface WorksheetDef {
  id: WorksheetId;
  mode: WorksheetMode;
  title: string;
  intro: string;
  /** Fixed items; partners have none: each partner is an item the members add. */
  items: WorksheetItem[];
  /** The form's fields: the whole sheet (member, shared) or one item's (item mode). */
  fields: (item?: string) => WorksheetField[];
}

/** Where one shared copy of a whole sheet is stored. */
export const SHARED_ENTRY = 'all';
/** Partners a collaboration can list; enough for any real table, bounded for cards and memory. */
export const PARTNERS_MAX = 20;

const TEXT_MAX = 150;
const LONG_MAX = 2000;

function conditionsDef(locale: Locale): Omit<WorksheetDef, 'title' | 'intro'> {
  const m = worksheetMessages(locale);
  const scores = (['1', '2', '3', '4', '5'] as const).map((value) => ({ value, label: m.scoreOptions[value] }));
  const list = conditions(locale);
  return {
    id: 'conditions',
    mode: 'member',
    items: list.map((c) => ({ id: c.id, title: c.title, hint: c.description, points: [] })),
    fields: () =>
      list.flatMap((c): WorksheetField[] => [
        { id: c.id, label: `${c.title} · ${m.score}`, hint: c.description, kind: 'choice', options: scores, max: 1 },
        { id: `${c.id}_note`, label: `${c.title} · ${m.remark}`, kind: 'text', max: 300 },
      ]),
  };
}

function formDef(locale: Locale): Omit<WorksheetDef, 'title' | 'intro'> {
  const m = worksheetMessages(locale);
  const formOptions = forms(locale).map((f) => ({ value: f.id, label: f.title }));
  const checkOptions = (['ja', 'deels', 'nee'] as const).map((value) => ({ value, label: m.issueCheckOptions[value] }));
  return {
    id: 'form',
    mode: 'member',
    items: [
      ...dimensions(locale).map((d) => ({ id: d.id, title: d.title, hint: d.question, points: [] })),
      ...issueChecks(locale).map((k) => ({ id: k.id, title: k.title, hint: k.question, points: [] })),
    ],
    fields: () => [
      ...dimensions(locale).map((d): WorksheetField => ({ id: d.id, label: d.title, hint: d.question, kind: 'choice', options: formOptions, max: 16 })),
      ...issueChecks(locale).map((k): WorksheetField => ({ id: k.id, label: k.title, hint: k.question, kind: 'choice', options: checkOptions, max: 8 })),
    ],
  };
}

function partnersDef(locale: Locale): Omit<WorksheetDef, 'title' | 'intro'> {
  const m = worksheetMessages(locale);
  const official = partyFields(locale).filter((f) => f.id !== 'naam');
  return {
    id: 'partners',
    mode: 'item',
    items: [],
    fields: () => [
      { id: 'naam', label: m.partner.naam, kind: 'text', max: TEXT_MAX, required: true },
      { id: 'vertegenwoordiger', label: m.partner.vertegenwoordiger, kind: 'text', max: 100 },
      { id: 'mandaat', label: m.partner.mandaat, kind: 'choice', max: 16, options: (['terugkoppeling', 'beslissing'] as const).map((value) => ({ value, label: m.mandate[value] })) },
      { id: 'rol', label: m.partner.rol, kind: 'choice', max: 16, options: (['noodzakelijk', 'omkadering'] as const).map((value) => ({ value, label: m.role[value] })) },
      { id: 'informeren', label: m.inform, kind: 'toggle', max: 5 },
      ...official.map((f): WorksheetField => ({ id: f.id, label: f.label, hint: m.officialData, kind: 'text', max: TEXT_MAX })),
    ],
  };
}

function agreementsDef(locale: Locale): Omit<WorksheetDef, 'title' | 'intro'> {
  const m = worksheetMessages(locale);
  const statuses = (['open', 'besproken', 'afgesproken', 'nvt'] as const).map((value) => ({ value, label: m.status[value] }));
  return {
    id: 'agreements',
    mode: 'item',
    items: agreementThemes(locale).map((t) => ({ id: t.id, title: t.title, hint: t.hint, points: [] })),
    fields: () => [
      { id: 'status', label: m.agreement.status, kind: 'choice', options: statuses, max: 16, required: true },
      { id: 'wie', label: m.agreement.wie, kind: 'text', max: TEXT_MAX },
      { id: 'timing', label: m.agreement.timing, kind: 'text', max: 100 },
      { id: 'tekst', label: m.agreement.tekst, kind: 'long', max: LONG_MAX },
    ],
  };
}

function internalDef(locale: Locale): Omit<WorksheetDef, 'title' | 'intro'> {
  const list = internalPartners(locale);
  return {
    id: 'internal',
    mode: 'shared',
    items: list.map((p) => ({ id: p.id, title: p.title, hint: p.hint, points: [] })),
    fields: () => list.map((p): WorksheetField => ({ id: p.id, label: p.title, hint: p.hint, kind: 'toggle', max: 5 })),
  };
}

function externalsDef(locale: Locale): Omit<WorksheetDef, 'title' | 'intro'> {
  const m = worksheetMessages(locale);
  const steps = schoolSteps(locale);
  const attention = schoolAttention(locale).map((a) => a.label);
  return {
    id: 'externals',
    mode: 'item',
    // The points of attention go with the first step: they frame the whole plan.
    items: steps.map((s, i) => ({ id: s.id, title: s.title, points: [...s.points.map((p) => p.label), ...(i === 0 ? attention : [])] })),
    fields: (item) => [
      { id: 'gedaan', label: m.done, kind: 'toggle', max: 5 },
      ...(item === 's6'
        ? [
            { id: 'organisatie', label: m.organisation, kind: 'text' as const, max: TEXT_MAX },
            ...schoolEvaluation(locale).map((q): WorksheetField => ({ id: q.id, label: q.label, hint: q.hint, kind: 'long', max: LONG_MAX })),
          ]
        : []),
      { id: 'notitie', label: m.note, kind: 'long', max: LONG_MAX },
    ],
  };
}

const builders: Record<WorksheetId, (locale: Locale) => Omit<WorksheetDef, 'title' | 'intro'>> = {
  conditions: conditionsDef,
  form: formDef,
  partners: partnersDef,
  agreements: agreementsDef,
  internal: internalDef,
  externals: externalsDef,
};

const cache = new Map<string, WorksheetDef>();

/** A worksheet's items and form in one language. */
export function worksheetDef(locale: Locale, id: WorksheetId): WorksheetDef {
  const key = `${locale}/${id}`;
  let def = cache.get(key);
  if (!def) {
    const m = worksheetMessages(locale);
    def = { ...builders[id](locale), title: m.title[id], intro: m.intro[id] };
    cache.set(key, def);
  }
  return def;
}

/** The label a stored value shows: the option's label for choices, a tick for toggles, else the text. */
export function displayValue(locale: Locale, field: WorksheetField, value: string | undefined): string {
  if (value === undefined || value === '') return '';
  if (field.kind === 'choice') return field.options?.find((o) => o.value === value)?.label ?? '';
  if (field.kind === 'toggle') return value === 'true' ? worksheetMessages(locale).issueCheckOptions.ja : '';
  return value;
}
