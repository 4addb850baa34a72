import type { DossierModel } from '../app/dossier-ports.js';
import { agreementThemes, conditions, dimensions, issueChecks, type ThemeId } from '../content/method/index.js';
import { SHARED_ENTRY, worksheetDef } from '../content/worksheets/definitions.js';
import type { AnswerSet, Form } from '../domain/collaboration.js';
import { formCounts, formLeaning, scoreSpread, type ScoreSpread } from '../domain/worksheet-stats.js';
import { nameOf } from './section.js';

/**
 * What the worksheets say, derived once from the stored entries. The page, the Markdown and the
 * JSON all read these, so a flag or an open theme cannot show in one and not in another.
 */

export interface ConditionSummary {
  id: string;
  title: string;
  /** The question to discuss; kept for every condition, shown only when it is flagged. */
  discussion: string;
  spread: ScoreSpread | undefined;
  remarks: { by: string; text: string }[];
}

export const issueAnswers = ['ja', 'deels', 'nee'] as const;
export type IssueAnswer = (typeof issueAnswers)[number];

export interface FormSummary {
  members: number;
  dimensions: { id: string; title: string; counts: Record<Form, number> }[];
  checks: { id: string; title: string; counts: Record<IssueAnswer, number> }[];
  leaning: Form | undefined;
  chosen: Form | undefined;
}

export const agreementStatuses = ['open', 'besproken', 'afgesproken', 'nvt'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export interface ThemeState {
  id: ThemeId;
  title: string;
  status: AgreementStatus;
  /** Still to agree: no entry, 'open' or only 'besproken'. */
  open: boolean;
  wie?: string;
  timing?: string;
  tekst?: string;
}

/** A partner as listed, with the raw values (choice ids, 'true' for the toggle). */
export interface PartnerRow {
  id: string;
  values: Record<string, string>;
}

export interface ExternalStep {
  id: string;
  title: string;
  done: boolean;
  values: Record<string, string>;
}

/** Per condition, the spread of the members' scores and the remarks with who wrote them. */
export function conditionSummaries(model: DossierModel): ConditionSummary[] {
  const entries = model.worksheets.conditions;
  return conditions(model.locale).map((c) => ({
    id: c.id,
    title: c.title,
    discussion: c.discussion,
    spread: scoreSpread(entries, c.id),
    remarks: entries.flatMap((e) => {
      const text = e.values[`${c.id}_note`];
      return text ? [{ by: nameOf(model, e.by), text }] : [];
    }),
  }));
}

/** Where the members place the collaboration on each dimension, how they test the issue, and the form. */
export function formSummary(model: DossierModel): FormSummary {
  const entries = model.worksheets.form;
  return {
    members: entries.length,
    dimensions: dimensions(model.locale).map((d) => ({ id: d.id, title: d.title, counts: formCounts(entries, d.id) })),
    checks: issueChecks(model.locale).map((k) => ({
      id: k.id,
      title: k.title,
      counts: Object.fromEntries(issueAnswers.map((a) => [a, entries.filter((e) => e.values[k.id] === a).length])) as Record<IssueAnswer, number>,
    })),
    leaning: formLeaning(entries),
    chosen: model.collab.form,
  };
}

const isStatus = (s: string | undefined): s is AgreementStatus => agreementStatuses.some((x) => x === s);

/** Every agreement theme in the method's order; a theme nobody filled in counts as open. */
export function themeStates(model: DossierModel): ThemeState[] {
  return agreementThemes(model.locale).map((theme) => {
    const v = model.worksheets.agreements.find((e) => e.item === theme.id)?.values ?? {};
    const status = isStatus(v.status) ? v.status : 'open';
    return {
      id: theme.id,
      title: theme.title,
      status,
      open: status === 'open' || status === 'besproken',
      ...(v.wie ? { wie: v.wie } : {}),
      ...(v.timing ? { timing: v.timing } : {}),
      ...(v.tekst ? { tekst: v.tekst } : {}),
    };
  });
}

/** The partners as the group listed them. */
export function partnerRows(model: DossierModel): PartnerRow[] {
  return model.worksheets.partners.map((e: AnswerSet, i) => ({ id: e.item ?? `p${i + 1}`, values: e.values }));
}

/** Framing partners the group wants kept informed: the "who to inform" list. */
export function informList(model: DossierModel): PartnerRow[] {
  return partnerRows(model).filter((p) => p.values.rol === 'omkadering' && p.values.informeren === 'true');
}

/** Every internal service, with whether the group ticked it. */
export function internalStates(model: DossierModel): { id: string; title: string; involved: boolean }[] {
  const shared = model.worksheets.internal.find((e) => e.item === SHARED_ENTRY);
  return worksheetDef(model.locale, 'internal').items.map((p) => ({ id: p.id, title: p.title, involved: shared?.values[p.id] === 'true' }));
}

/** The six steps of the plan for an external organisation, with what the group noted. */
export function externalSteps(model: DossierModel): ExternalStep[] {
  return worksheetDef(model.locale, 'externals').items.map((s) => {
    const values = model.worksheets.externals.find((e) => e.item === s.id)?.values ?? {};
    return { id: s.id, title: s.title, done: values.gedaan === 'true', values };
  });
}

const round = (n: number): number => Math.round(n * 10) / 10;
const orNull = (s: string | undefined): string | null => s ?? null;

/** The worksheets for the JSON download: ids and raw values, with titles for whoever reads it. */
export function worksheetsJson(model: DossierModel): Record<string, unknown> {
  const form = formSummary(model);
  return {
    conditions: {
      members: model.worksheets.conditions.length,
      conditions: conditionSummaries(model).map((c) => ({
        id: c.id,
        title: c.title,
        scores: c.spread ? { n: c.spread.n, mean: round(c.spread.mean), min: c.spread.min, max: c.spread.max } : null,
        low: c.spread?.low ?? false,
        apart: c.spread?.apart ?? false,
        discussion: c.spread && (c.spread.low || c.spread.apart) ? c.discussion : null,
        remarks: c.remarks,
      })),
    },
    form: { members: form.members, chosen: form.chosen ?? null, leaning: form.leaning ?? null, dimensions: form.dimensions, issueChecks: form.checks },
    partners: partnerRows(model).map((p) => ({ id: p.id, ...p.values, informeren: p.values.informeren === 'true' })),
    agreements: themeStates(model).map((t) => ({ theme: t.id, title: t.title, status: t.status, open: t.open, wie: orNull(t.wie), timing: orNull(t.timing), tekst: orNull(t.tekst) })),
    internal: internalStates(model),
    externals: externalSteps(model).map((s) => ({
      step: s.id,
      title: s.title,
      done: s.done,
      notitie: orNull(s.values.notitie),
      ...(s.id === 's6' ? { organisatie: orNull(s.values.organisatie), hielp: orNull(s.values.hielp), hinderde: orNull(s.values.hinderde) } : {}),
    })),
  };
}
