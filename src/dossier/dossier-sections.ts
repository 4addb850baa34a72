import type { DossierModel } from '../app/dossier-ports.js';
import { collabMessages, formatDate } from '../content/collab-messages.js';
import { dossierMessages } from '../content/dossier-messages.js';
import { messages } from '../content/messages.js';
import type { Person, TemperatureRecord } from '../domain/collaboration.js';

/**
 * The dossier as neutral sections of text, in the page's language. The HTML page and the
 * Markdown download are two renderings of the same sections, so they never disagree.
 */
export interface Section {
  heading: string;
  intro?: string;
  facts?: { label: string; value: string }[];
  /** Sub-sections: a step's questions, a decision, an earlier answer. */
  blocks?: { heading: string; lines: { label?: string; text: string; mark?: string }[] }[];
  empty?: string;
}

export function nameOf(model: DossierModel, p: Person): string {
  return model.names[p.id] ?? p.name ?? p.id;
}

export function temperatureLabel(model: DossierModel, t: TemperatureRecord): string {
  const m = collabMessages(model.locale);
  return m.temperatureLine(t.level ? messages(model.locale).temperature[t.level] : messages(model.locale).noVotes, t.voters);
}

export function dossierSections(model: DossierModel): Section[] {
  const { collab, locale } = model;
  const m = collabMessages(locale);
  const d = dossierMessages(locale);
  const date = (at: number): string => formatDate(locale, at);
  const latestDecision = model.decisions.at(-1);
  return [
    {
      heading: d.fieldsHeading,
      facts: [
        { label: m.fields.title, value: collab.title },
        { label: m.fields.issue, value: collab.issue || m.none },
        { label: m.fields.form, value: collab.form ? m.forms[collab.form] : m.none },
        { label: m.fields.step, value: collab.stage === 'steps' ? m.stepLabel(collab.step) : m.stage[collab.stage] },
        { label: m.fields.decision, value: latestDecision ? `${m.outcome[latestDecision.outcome]} (${date(latestDecision.at)})` : m.none },
      ],
    },
    {
      heading: d.peopleHeading,
      facts: [
        { label: m.fields.facilitator, value: nameOf(model, collab.facilitator) },
        { label: m.fields.opvolger, value: collab.opvolger ? nameOf(model, collab.opvolger) : m.none },
        { label: m.fields.coordinators, value: collab.coordinators.length ? collab.coordinators.map((c) => nameOf(model, c)).join(', ') : m.none },
      ],
    },
    // One section per sheet (step or reminder), one block per question, so the page reads like the infofiche it follows.
    ...model.sheets.map((s) => ({
      heading: s.title,
      blocks: s.questions.map((q) => ({
        heading: q.label,
        lines: q.answers.length ? q.answers.map((a) => ({ label: nameOf(model, a.by), text: a.text, mark: date(a.at) })) : [{ text: d.noAnswer }],
      })),
    })),
    {
      heading: d.temperaturesHeading,
      facts: model.temperatures.map((t) => ({ label: date(t.closedAt), value: temperatureLabel(model, t) })),
      empty: model.temperatures.length ? undefined : d.noTemperatures,
    },
    {
      heading: d.decisionsHeading,
      blocks: model.decisions.map((dec, i) => ({
        heading: `${m.outcome[dec.outcome]} · ${dec.withWhom} · ${date(dec.at)}`,
        lines: [
          { label: d.rationale, text: dec.rationale },
          { label: d.by, text: nameOf(model, dec.by) },
          ...(dec.temperature ? [{ label: m.fields.temperature, text: temperatureLabel(model, dec.temperature) }] : []),
          ...(dec.tension ? [{ text: m.tension[dec.tension], mark: 'tension' }] : []),
          ...(dec.viaStep4 ? [{ text: m.viaStep4 }] : []),
          ...(i < model.decisions.length - 1 ? [{ text: m.superseded, mark: 'superseded' }] : []),
        ],
      })),
      empty: model.decisions.length ? undefined : m.noDecisions,
    },
    {
      heading: d.itemsHeading,
      facts: model.openItems.map((i) => ({ label: m.itemKind[i.kind], value: i.text })),
      empty: model.openItems.length ? undefined : d.noItems,
    },
    {
      heading: d.historyHeading,
      intro: d.historyIntro,
      blocks: model.history.map((h) => ({
        heading: `${model.sheets.find((s) => s.sheet === h.sheet)?.title ?? h.sheet} · ${nameOf(model, h.set.by)} · ${date(h.set.at)}`,
        lines: Object.entries(h.set.values)
          .filter(([, v]) => v !== '')
          .map(([k, v]) => ({ label: model.sheets.find((s) => s.sheet === h.sheet)?.questions.find((q) => q.id === k)?.label ?? k, text: v })),
      })),
      empty: model.history.length ? undefined : m.none,
    },
  ];
}
