import type { AnswersView, DecisionView, ListView } from '../app/card-views.js';
import { collabMessages, formatDate } from '../content/collab-messages.js';
import { worksheetMessages } from '../content/worksheets/messages.js';
import type { RegisterEntry } from '../app/register-ports.js';
import { outcomeText } from '../content/steps.js';
import { sheetQuestions } from '../content/sheet-questions.js';
import type { Collaboration } from '../domain/collaboration.js';
import type { Locale } from '../domain/poll.js';
import { decisionText, temperatureText, type Formatting } from './collab-card-models.js';

/** A card of headed text sections (answers, evaluation, overviews): one template serves them all. */
export interface SummaryCardModel {
  heading: string;
  subtitle: string;
  sections: { title: string; text: string; mrkdwn?: string }[];
  fallbackText: string;
}

/** Slack's section text limit is 3000; keep a margin for escaping. */
const SECTION_MAX = 2800;
/** Sections per message: under Slack's 50 blocks. */
const SECTIONS_PER_PAGE = 20;
/**
 * Characters per message. Teams' limit for a bot message is counted in bytes (reports range from
 * 40 to 100 KB); 12,000 characters stay under 40 KB even when every character takes three bytes.
 */
const CHARS_PER_PAGE = 12_000;

/** Splits long text at line ends into pieces that fit one section. */
function chunks(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const piece = line.length > SECTION_MAX ? `${line.slice(0, SECTION_MAX - 1)}…` : line;
    if (current && current.length + piece.length + 1 > SECTION_MAX) {
      out.push(current);
      current = '';
    }
    current = current ? `${current}\n${piece}` : piece;
  }
  if (current) out.push(current);
  return out;
}

/** Splits sections over as many messages as needed; every page repeats the heading. */
export function paginate(model: SummaryCardModel): SummaryCardModel[] {
  const sections = model.sections.flatMap((s) =>
    chunks(s.text).map((text, i) => {
      const title = i === 0 ? s.title : '';
      // Slack shows title and text in one mrkdwn block; Teams reads title and text apart.
      return { title, text, mrkdwn: title ? `*${title}*\n${text}` : text };
    }),
  );
  if (sections.length === 0) return [model];
  const pages: SummaryCardModel[] = [];
  let page: typeof sections = [];
  let chars = 0;
  for (const section of sections) {
    const size = section.title.length + section.text.length;
    if (page.length > 0 && (page.length >= SECTIONS_PER_PAGE || chars + size > CHARS_PER_PAGE)) {
      pages.push({ ...model, sections: page });
      page = [];
      chars = 0;
    }
    page.push(section);
    chars += size;
  }
  pages.push({ ...model, sections: page });
  return pages;
}

export function buildAnswersModel(view: AnswersView, f: Formatting): SummaryCardModel {
  const { collab, sheet } = view;
  const m = collabMessages(collab.locale);
  const { heading, questions } = sheetQuestions(collab.locale, sheet);
  const sections = questions.map((q) => {
    const lines = view.sets.filter((s) => q.display(s.values[q.id]).trim() !== '').map((s) => `${f.person(s.by)}: ${f.text(q.display(s.values[q.id]).trim())}`);
    return { title: q.label, text: lines.length ? lines.join(f.newline) : m.none };
  });
  return {
    heading,
    subtitle: f.text(collab.title),
    sections: view.sets.length ? sections : [{ title: '', text: m.noAnswers }],
    fallbackText: `${heading}: ${f.text(collab.title)}`,
  };
}

/** The register's evaluations of an organisation, newest first. */
export function buildRegisterModel(locale: Locale, name: string, entries: RegisterEntry[], f: Formatting): SummaryCardModel {
  const m = worksheetMessages(locale);
  const heading = m.registerHeading(f.text(name), entries.length);
  return {
    heading,
    subtitle: '',
    sections: entries.map((e) => ({
      title: `${f.text(e.organisation)} · ${formatDate(locale, e.at)}`,
      text: [e.helped ? `${m.registerHelped}: ${f.text(e.helped)}` : '', e.hindered ? `${m.registerHindered}: ${f.text(e.hindered)}` : ''].filter(Boolean).join(f.newline) || ' ',
    })),
    fallbackText: heading,
  };
}

export function buildEvaluationModel(collab: Collaboration, f: Formatting): SummaryCardModel {
  const o = outcomeText(collab.locale);
  return {
    heading: o.evaluationTitle,
    subtitle: f.text(collab.title),
    sections: [{ title: '', text: o.evaluationIntro }, ...o.evaluationQuestions.map((q, i) => ({ title: `${i + 1}.`, text: q }))],
    fallbackText: `${o.evaluationTitle}: ${f.text(collab.title)}`,
  };
}

export function buildDecisionsModel(view: DecisionView, f: Formatting): SummaryCardModel {
  const { collab } = view;
  const m = collabMessages(collab.locale);
  const last = view.decisions.length - 1;
  const sections = view.decisions.map((d, i) => ({
    title: decisionText(m, collab.locale, f, d),
    text: [
      `${f.person(d.by)}: ${f.text(d.rationale)}`,
      d.temperature ? `${m.fields.temperature}: ${temperatureText(m, collab.locale, d.temperature)}` : '',
      d.viaStep4 ? m.viaStep4 : '',
      i < last ? `_${m.superseded}_` : '',
    ]
      .filter(Boolean)
      .join(f.newline),
  }));
  return {
    heading: m.decisionsHeading,
    subtitle: f.text(collab.title),
    sections: sections.length ? sections : [{ title: '', text: m.noDecisions }],
    fallbackText: `${m.decisionsHeading}: ${f.text(collab.title)}`,
  };
}

export function buildListModel(view: ListView, f: Formatting): SummaryCardModel {
  const m = collabMessages(view.locale);
  const lines = view.entries.map(({ collab, temperature, decision }) =>
    m.listLine(
      f.text(collab.title),
      collab.stage === 'steps' ? m.stepLabel(collab.step) : m.stage[collab.stage],
      temperatureText(m, view.locale, temperature),
      decision ? m.outcome[decision.outcome] + (decision.tension ? ` (${m.tension[decision.tension].split(':')[0]})` : '') : m.none,
    ),
  );
  return {
    heading: m.listHeading,
    subtitle: '',
    sections: [{ title: '', text: lines.length ? lines.join(f.newline) : m.listEmpty }],
    fallbackText: m.listHeading,
  };
}

export interface ChooseCardModel {
  text: string;
  /** `actionId` is unique per option: Slack wants unique action ids within a message. */
  options: { title: string; value: string; button: string; actionId: string }[];
}

/** The private "which collaboration?" question; each option repeats the command with its id. */
export function buildChooseModel(locale: Locale, command: string, options: { collabId: string; title: string }[], f: Formatting): ChooseCardModel {
  const m = collabMessages(locale);
  return {
    text: m.chooseCollab,
    // Button values hold at most 2000 characters; commands are far shorter.
    options: options.map((o, i) => ({ title: f.text(o.title), value: `${o.collabId}|${command.slice(0, 1000)}`, button: m.chooseButton, actionId: `collab.pick.${i}` })),
  };
}

export interface ConfirmCardModel {
  text: string;
  collabId: string;
  confirmLabel: string;
  cancelLabel: string;
}

/** The facilitator's last question before a collaboration is deleted. */
export function buildConfirmModel(locale: Locale, collabId: string, title: string, f: Formatting): ConfirmCardModel {
  const m = collabMessages(locale);
  return { text: m.confirmForget(f.text(title)), collabId, confirmLabel: m.forgetButton, cancelLabel: m.cancelButton };
}
