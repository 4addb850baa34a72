import type { DossierModel } from '../app/dossier-ports.js';
import { collabMessages } from '../content/collab-messages.js';
import { dossierMessages } from '../content/dossier-messages.js';
import { forms } from '../content/method/index.js';
import { displayValue, worksheetDef } from '../content/worksheets/definitions.js';
import { worksheetMessages } from '../content/worksheets/messages.js';
import type { Form } from '../domain/collaboration.js';
import { formatMean, type Section, type SectionLine } from './section.js';
import {
  conditionSummaries,
  externalSteps,
  formSummary,
  informList,
  internalStates,
  issueAnswers,
  partnerRows,
  themeStates,
} from './worksheet-data.js';

const joinLines = (lines: (string | undefined)[]): string => lines.filter((l): l is string => Boolean(l)).join('\n');

function conditionsSection(model: DossierModel): Section {
  const { locale } = model;
  const m = worksheetMessages(locale);
  const entries = model.worksheets.conditions;
  if (entries.length === 0) return { heading: m.title.conditions, empty: m.empty };
  return {
    heading: m.title.conditions,
    intro: m.answered(entries.length),
    blocks: conditionSummaries(model).map((c) => {
      const s = c.spread;
      const lines: SectionLine[] = s ? [{ text: m.spread(formatMean(locale, s.mean), s.min, s.max, s.n) }] : [{ text: m.noScores, tone: 'muted' }];
      if (s?.low) lines.push({ text: m.flagLow, tone: 'flag' });
      if (s?.apart) lines.push({ text: m.flagApart, tone: 'flag' });
      if (s && (s.low || s.apart)) lines.push({ label: m.discuss, text: c.discussion });
      for (const r of c.remarks) lines.push({ label: `${m.remark} · ${r.by}`, text: r.text });
      return { heading: c.title, lines };
    }),
  };
}

function formSection(model: DossierModel): Section {
  const { locale } = model;
  const m = worksheetMessages(locale);
  const d = dossierMessages(locale);
  const summary = formSummary(model);
  if (summary.members === 0) return { heading: m.title.form, empty: m.empty };
  const names = Object.fromEntries(forms(locale).map((f) => [f.id, f.title])) as Record<Form, string>;
  const leaning = summary.leaning ? m.leaning(names[summary.leaning]) : d.noLeaning;
  const chosen = m.chosen(summary.chosen ? names[summary.chosen] : collabMessages(locale).none);
  return {
    heading: m.title.form,
    intro: joinLines([m.answered(summary.members), leaning, chosen]),
    blocks: [
      {
        heading: m.formTitle,
        lines: summary.dimensions.map((dim) => {
          const placed = (Object.entries(dim.counts) as [Form, number][]).filter(([, n]) => n > 0).map(([f, n]) => `${names[f]} ${n}`);
          return placed.length ? { label: dim.title, text: placed.join(' · ') } : { label: dim.title, text: m.noScores, tone: 'muted' };
        }),
      },
      {
        heading: m.issueTitle,
        lines: summary.checks.map((k) => ({ label: k.title, text: issueAnswers.map((a) => `${m.issueCheckOptions[a]} ${k.counts[a]}`).join(' · ') })),
      },
    ],
  };
}

function partnersSection(model: DossierModel): Section {
  const { locale } = model;
  const m = worksheetMessages(locale);
  const rows = partnerRows(model);
  if (rows.length === 0) return { heading: m.title.partners, empty: m.empty };
  const fields = worksheetDef(locale, 'partners').fields().filter((f) => f.id !== 'naam');
  return {
    heading: m.title.partners,
    blocks: rows.map((p) => {
      const lines = fields.flatMap((f): SectionLine[] => {
        const shown = displayValue(locale, f, p.values[f.id]);
        return shown ? [{ label: f.label, text: shown }] : [];
      });
      return { heading: p.values.naam ?? p.id, lines: lines.length ? lines : [{ text: m.empty, tone: 'muted' }] };
    }),
  };
}

/** Framing partners to keep informed, so nobody who should hear about the collaboration is forgotten. */
function informSection(model: DossierModel): Section {
  const m = worksheetMessages(model.locale);
  const d = dossierMessages(model.locale);
  const list = informList(model);
  return {
    heading: d.informHeading,
    intro: d.informIntro,
    facts: list.map((p) => ({ label: p.values.naam ?? p.id, value: [m.role.omkadering, p.values.vertegenwoordiger].filter(Boolean).join(' · ') })),
    empty: list.length ? undefined : d.noInform,
  };
}

function agreementsSection(model: DossierModel): Section {
  const m = worksheetMessages(model.locale);
  const d = dossierMessages(model.locale);
  if (model.worksheets.agreements.length === 0) return { heading: m.title.agreements, empty: m.empty };
  const themes = themeStates(model);
  return {
    heading: m.title.agreements,
    intro: m.statusCount(themes.filter((t) => !t.open).length, themes.length),
    blocks: themes.map((t) => ({
      heading: t.title,
      lines: [
        { label: m.agreement.status, text: m.status[t.status], ...(t.open ? { tone: 'open' as const } : {}) },
        ...(t.wie ? [{ label: d.responsible, text: t.wie }] : []),
        ...(t.timing ? [{ label: d.timing, text: t.timing }] : []),
        ...(t.tekst ? [{ label: d.agreed, text: t.tekst }] : []),
      ],
    })),
  };
}

function internalSection(model: DossierModel): Section {
  const m = worksheetMessages(model.locale);
  const d = dossierMessages(model.locale);
  if (model.worksheets.internal.length === 0) return { heading: m.title.internal, empty: m.empty };
  const states = internalStates(model);
  const involved = states.filter((s) => s.involved);
  const rest = states.filter((s) => !s.involved);
  return {
    heading: m.title.internal,
    intro: m.ticked(involved.length, states.length),
    blocks: [
      ...(involved.length ? [{ heading: m.involve, lines: involved.map((s) => ({ text: s.title })) }] : []),
      ...(rest.length ? [{ heading: d.notInvolved, lines: rest.map((s): SectionLine => ({ text: s.title, tone: 'muted' })) }] : []),
    ],
  };
}

function externalsSection(model: DossierModel): Section {
  const m = worksheetMessages(model.locale);
  const d = dossierMessages(model.locale);
  if (model.worksheets.externals.length === 0) return { heading: m.title.externals, empty: m.empty };
  const steps = externalSteps(model);
  // The evaluation questions are long; the register's short words read better as labels.
  const labels: [string, string][] = [
    ['organisatie', m.organisation],
    ['hielp', m.registerHelped],
    ['hinderde', m.registerHindered],
    ['notitie', m.note],
  ];
  return {
    heading: m.title.externals,
    intro: m.stepsDone(steps.filter((s) => s.done).length, steps.length),
    blocks: steps.map((s, i) => ({
      heading: `${i + 1}. ${s.title}`,
      lines: [
        s.done ? { text: m.done } : { text: d.notDone, tone: 'muted' as const },
        ...labels.flatMap(([id, label]) => (s.values[id] ? [{ label, text: s.values[id] }] : [])),
      ],
    })),
  };
}

/** The worksheets as dossier sections, in the order the method uses them, with "who to inform" after the partners. */
export function worksheetSections(model: DossierModel): Section[] {
  return [
    conditionsSection(model),
    formSection(model),
    partnersSection(model),
    informSection(model),
    agreementsSection(model),
    internalSection(model),
    externalsSection(model),
  ];
}
