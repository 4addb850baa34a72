import { collabMessages } from '../content/collab-messages.js';
import { forms, ISSUE_MAX, TITLE_MAX, type Collaboration } from '../domain/collaboration.js';
import type { Locale } from '../domain/poll.js';

/** The fields of the root card's edit form, with their current values. */
export interface RootEditModel {
  title: string;
  titleLabel: string;
  titleMax: number;
  issue: string;
  issueLabel: string;
  issueMax: number;
  form: string;
  formLabel: string;
  formChoices: { title: string; value: string }[];
  opvolger: string;
  opvolgerLabel: string;
  coordinators: string;
  coordinatorsLabel: string;
  memberChoices: { title: string; value: string }[];
  locale: string;
  localeLabel: string;
  localeChoices: { title: string; value: string }[];
  saveLabel: string;
  cancelLabel: string;
}

/**
 * The people to pick from: the conversation's roster, plus the collaboration's own people, so
 * the current choices stay on the form (and the pickers are never empty) when the roster cannot be read.
 */
function choicesOf(collab: Collaboration, members: { id: string; name: string }[]): { title: string; value: string }[] {
  const all = [...members, ...[collab.facilitator, ...(collab.opvolger ? [collab.opvolger] : []), ...collab.coordinators].map((p) => ({ id: p.id, name: p.name ?? p.id }))];
  const seen = new Set<string>();
  return all.filter((p) => !seen.has(p.id) && seen.add(p.id)).map((p) => ({ title: p.name, value: p.id }));
}

export function buildRootEdit(collab: Collaboration, members: { id: string; name: string }[]): RootEditModel {
  const m = collabMessages(collab.locale);
  return {
    title: collab.title,
    titleLabel: m.fields.title,
    titleMax: TITLE_MAX,
    issue: collab.issue,
    issueLabel: m.fields.issue,
    issueMax: ISSUE_MAX,
    form: collab.form ?? '',
    formLabel: m.fields.form,
    formChoices: formChoices(collab.locale),
    opvolger: collab.opvolger?.id ?? '',
    opvolgerLabel: m.fields.opvolger,
    coordinators: collab.coordinators.map((c) => c.id).join(','),
    coordinatorsLabel: m.fields.coordinators,
    memberChoices: choicesOf(collab, members),
    locale: collab.locale,
    localeLabel: m.fields.language,
    localeChoices: (['nl', 'en'] as const).map((l) => ({ title: m.languageNames[l], value: l })),
    saveLabel: m.saveButton,
    cancelLabel: m.cancelButton,
  };
}

/** The form choices in the collaboration's language (for the edit form on both platforms). */
export function formChoices(locale: Locale): { title: string; value: string }[] {
  const m = collabMessages(locale);
  return forms.map((form) => ({ title: m.forms[form], value: form }));
}
