import type { DossierModel } from '../app/dossier-ports.js';
import { collabMessages, formatDate } from '../content/collab-messages.js';
import { dossierMessages } from '../content/dossier-messages.js';
import { messages } from '../content/messages.js';
import { sheetQuestions } from '../content/sheet-questions.js';
import { displayValue, worksheetDef } from '../content/worksheets/definitions.js';
import { readSheet, type TemperatureRecord } from '../domain/collaboration.js';
import { draftAgreementSection } from './draft-agreement.js';
import { nameOf, type Section, type SectionLine } from './section.js';
import { worksheetSections } from './worksheet-sections.js';

export { nameOf, type Section, type SectionLine } from './section.js';

/** A temperature as one line: the prevailing level and how many voted. */
export function temperatureLabel(model: DossierModel, t: TemperatureRecord): string {
  const m = collabMessages(model.locale);
  return m.temperatureLine(t.level ? messages(model.locale).temperature[t.level] : messages(model.locale).noVotes, t.voters);
}

/**
 * Every section of the dossier in reading order: the collaboration, its people, the sheets, the
 * worksheets, temperatures, decisions, open points, the draft agreement and earlier answers.
 */
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
    ...worksheetSections(model),
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
    draftAgreementSection(model),
    {
      heading: d.historyHeading,
      intro: d.historyIntro,
      blocks: model.history.map((h) => historyBlock(model, h)),
      empty: model.history.length ? undefined : m.none,
    },
  ];
}

/**
 * An earlier version of a set of answers. Worksheet entries read through their own fields (the
 * item's, for a school step), so a choice shows its label and an item names what it was about.
 */
function historyBlock(model: DossierModel, h: DossierModel['history'][number]): { heading: string; lines: SectionLine[] } {
  const { locale } = model;
  const which = readSheet(h.sheet);
  const sheet = sheetQuestions(locale, h.sheet);
  let title = model.sheets.find((s) => s.sheet === h.sheet)?.title ?? sheet.heading;
  let questions = sheet.questions;
  if (which.kind === 'worksheet') {
    const def = worksheetDef(locale, which.id);
    const item = def.items.find((i) => i.id === h.set.item)?.title ?? (which.id === 'partners' ? h.set.values.naam : undefined);
    title = item ? `${sheet.heading} · ${item}` : sheet.heading;
    questions = def.fields(h.set.item).map((f) => ({ id: f.id, label: f.label, display: (v) => displayValue(locale, f, v) }));
  }
  return {
    heading: `${title} · ${nameOf(model, h.set.by)} · ${formatDate(locale, h.set.at)}`,
    lines: Object.entries(h.set.values)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => {
        const q = questions.find((x) => x.id === k);
        return { label: q?.label ?? k, text: (q ? q.display(v) : v) || v };
      }),
  };
}
