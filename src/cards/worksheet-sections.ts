import type { WorksheetView } from '../app/card-views.js';
import { formatDate } from '../content/collab-messages.js';
import { conditions, dimensions, forms, issueChecks } from '../content/method/index.js';
import { SHARED_ENTRY, displayValue, worksheetDef, type WorksheetDef } from '../content/worksheets/definitions.js';
import { worksheetMessages, type WorksheetMessages } from '../content/worksheets/messages.js';
import type { AnswerSet } from '../domain/collaboration.js';
import type { Locale } from '../domain/poll.js';
import { formCounts, formLeaning, scoreSpread } from '../domain/worksheet-stats.js';
import type { Formatting } from './collab-card-models.js';

/** One line of a worksheet card: an item with what the group filled in. */
export interface WorksheetSection {
  /** The item's id ('' for lines that are not items). */
  item: string;
  title: string;
  text: string;
}

/** What a worksheet card shows besides its items: a progress line and, for some, flags or a leaning. */
export interface WorksheetBody {
  sections: WorksheetSection[];
  progress: string;
  flagsTitle: string;
  flagsText: string;
  /** The form the group leans to, offered to the coordinators when it is not the chosen one yet. */
  adopt?: { form: string; label: string };
  note: string;
}

/** Slack sections hold at most 3000 characters; escaped text grows, so keep well under. */
const SECTION_MAX = 2500;
const clip = (s: string, max = SECTION_MAX): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const joinLines = (lines: (string | undefined | false)[]): string => lines.filter((l): l is string => Boolean(l)).join('\n');

function number(locale: Locale, n: number): string {
  return n.toLocaleString(locale === 'nl' ? 'nl-BE' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

function lastChange(m: WorksheetMessages, locale: Locale, f: Formatting, e: AnswerSet): string {
  return m.changedBy(f.person(e.by), formatDate(locale, e.at));
}

function conditionsBody(view: WorksheetView, f: Formatting): WorksheetBody {
  const { locale } = view.collab;
  const m = worksheetMessages(locale);
  const flags: string[] = [];
  const sections = conditions(locale).map((c) => {
    const spread = scoreSpread(view.entries, c.id);
    const scores = spread ? `${m.score}: ${spread.counts.flatMap((n, i) => Array<number>(n).fill(i + 1)).join(', ')}` : '';
    const remarks = view.entries.filter((e) => e.values[`${c.id}_note`]).map((e) => `• ${f.person(e.by)}: ${f.text(e.values[`${c.id}_note`]!)}`);
    if (spread && (spread.low || spread.apart)) {
      const why = [spread.low ? m.flagLow : '', spread.apart ? m.flagApart : ''].filter(Boolean).join(' · ');
      flags.push(`${c.title} (${why}): ${c.discussion}`);
    }
    const text = joinLines([spread ? m.spread(number(locale, spread.mean), spread.min, spread.max, spread.n) : m.noScores, scores, ...remarks]);
    return { item: c.id, title: c.title, text: clip(text) };
  });
  return { sections, progress: m.answered(view.entries.length), flagsTitle: flags.length ? m.discuss : '', flagsText: clip(flags.map((l) => `• ${l}`).join('\n')), note: '' };
}

function formBody(view: WorksheetView): WorksheetBody {
  const { collab } = view;
  const m = worksheetMessages(collab.locale);
  const names = Object.fromEntries(forms(collab.locale).map((x) => [x.id, x.title]));
  const placed = dimensions(collab.locale).map((d) => {
    const counts = formCounts(view.entries, d.id);
    const text = Object.entries(counts).filter(([, n]) => n > 0).map(([form, n]) => `${names[form]} ${n}`).join(' · ');
    return { item: d.id, title: d.title, text: text || m.noScores };
  });
  const checks = issueChecks(collab.locale).map((k) => {
    const tally = (['ja', 'deels', 'nee'] as const).map((v) => [v, view.entries.filter((e) => e.values[k.id] === v).length] as const);
    const text = tally.filter(([, n]) => n > 0).map(([v, n]) => `${m.issueCheckOptions[v]} ${n}`).join(' · ');
    return { item: k.id, title: `${k.title} · ${k.question}`, text: text || m.noScores };
  });
  const leaning = formLeaning(view.entries);
  const note = joinLines([collab.form ? m.chosen(names[collab.form]!) : '', leaning ? m.leaning(names[leaning]!) : '']);
  const adopt = leaning && leaning !== collab.form ? { form: leaning, label: m.adopt(names[leaning]!) } : undefined;
  return { sections: [...placed, ...checks], progress: m.answered(view.entries.length), flagsTitle: '', flagsText: '', adopt, note };
}

/** The values of an entry as "label: value" lines, for the fields in `ids` that are filled in. */
function valueLines(locale: Locale, def: WorksheetDef, item: string | undefined, e: AnswerSet, ids: string[], f: Formatting): string[] {
  return def
    .fields(item)
    .filter((field) => ids.includes(field.id) && e.values[field.id])
    .map((field) => `${field.label}${/[?:]$/.test(field.label) ? '' : ':'} ${f.text(displayValue(locale, field, e.values[field.id]))}`);
}

function partnersBody(view: WorksheetView, f: Formatting): WorksheetBody {
  const { locale } = view.collab;
  const m = worksheetMessages(locale);
  const def = worksheetDef(locale, 'partners');
  const shown = (id: string, value: string | undefined): string => {
    const field = def.fields().find((x) => x.id === id);
    return field ? displayValue(locale, field, value) : '';
  };
  const sections = view.entries.map((e) => {
    const v = e.values;
    const role = joinLines([
      [v.vertegenwoordiger ? f.text(v.vertegenwoordiger) : '', v.mandaat ? `${m.partner.mandaat.toLowerCase()}: ${shown('mandaat', v.mandaat)}` : '', shown('rol', v.rol)]
        .filter(Boolean)
        .join(' · '),
      v.informeren === 'true' ? m.partner.informeren : '',
      ...valueLines(locale, def, undefined, e, ['rechtsvorm', 'zetel', 'ondernemingsnummer', 'ondertekenaar', 'functie'], f),
      lastChange(m, locale, f, e),
    ]);
    return { item: e.item ?? '', title: f.text(v.naam ?? ''), text: clip(role) };
  });
  return { sections, progress: sections.length ? '' : m.empty, flagsTitle: '', flagsText: '', note: '' };
}

function agreementsBody(view: WorksheetView, f: Formatting): WorksheetBody {
  const { locale } = view.collab;
  const m = worksheetMessages(locale);
  const def = worksheetDef(locale, 'agreements');
  let settled = 0;
  const sections = def.items.map((theme) => {
    const e = view.entries.find((x) => x.item === theme.id);
    const status = (e?.values.status ?? 'open') as keyof WorksheetMessages['status'];
    if (status === 'afgesproken' || status === 'nvt') settled += 1;
    const head = [m.status[status], e?.values.wie ? f.text(e.values.wie) : '', e?.values.timing ? f.text(e.values.timing) : ''].filter(Boolean).join(' · ');
    const text = joinLines([head, e?.values.tekst ? f.text(clip(e.values.tekst, 600)) : theme.hint, e ? lastChange(m, locale, f, e) : '']);
    return { item: theme.id, title: theme.title, text: clip(text) };
  });
  return { sections, progress: m.statusCount(settled, def.items.length), flagsTitle: '', flagsText: '', note: '' };
}

function internalBody(view: WorksheetView, f: Formatting): WorksheetBody {
  const { locale } = view.collab;
  const m = worksheetMessages(locale);
  const def = worksheetDef(locale, 'internal');
  const e = view.entries.find((x) => x.item === SHARED_ENTRY);
  const sections = def.items.map((p) => ({ item: p.id, title: p.title, text: e?.values[p.id] === 'true' ? m.involve : (p.hint ?? '') }));
  const ticked = def.items.filter((p) => e?.values[p.id] === 'true').length;
  return { sections, progress: joinLines([m.ticked(ticked, def.items.length), e ? lastChange(m, locale, f, e) : '']), flagsTitle: '', flagsText: '', note: '' };
}

function externalsBody(view: WorksheetView, f: Formatting): WorksheetBody {
  const { locale } = view.collab;
  const m = worksheetMessages(locale);
  const def = worksheetDef(locale, 'externals');
  let done = 0;
  const sections = def.items.map((step, i) => {
    const e = view.entries.find((x) => x.item === step.id);
    if (e?.values.gedaan === 'true') done += 1;
    const text = joinLines([
      e?.values.gedaan === 'true' ? m.done : '',
      ...step.points.map((p) => `• ${p}`),
      ...(e ? valueLines(locale, def, step.id, e, ['organisatie', 'hielp', 'hinderde', 'notitie'], f) : []),
      e ? lastChange(m, locale, f, e) : '',
    ]);
    // "3 · …", not "3. …": Teams reads a leading "3." as a numbered list and indents it.
    return { item: step.id, title: `${i + 1} · ${step.title}`, text: clip(text) };
  });
  return { sections, progress: m.stepsDone(done, def.items.length), flagsTitle: '', flagsText: '', note: '' };
}

/** The items of a worksheet card with what the group filled in, per kind. */
export function worksheetBody(view: WorksheetView, f: Formatting): WorksheetBody {
  switch (view.sheet) {
    case 'conditions':
      return conditionsBody(view, f);
    case 'form':
      return formBody(view);
    case 'partners':
      return partnersBody(view, f);
    case 'agreements':
      return agreementsBody(view, f);
    case 'internal':
      return internalBody(view, f);
    case 'externals':
      return externalsBody(view, f);
  }
}

