import { readSheet, type SheetId } from '../domain/collaboration.js';
import type { Locale } from '../domain/poll.js';
import { collabMessages } from './collab-messages.js';
import { sheetText } from './sheets.js';
import { displayValue, worksheetDef } from './worksheets/definitions.js';

/** One question of any sheet as a summary lists it: its label and how a stored value reads. */
export interface SheetQuestion {
  id: string;
  label: string;
  display: (value: string | undefined) => string;
}

/** The heading and questions of a sheet's answers: a step, a reminder or a member worksheet. */
export function sheetQuestions(locale: Locale, sheet: SheetId): { heading: string; questions: SheetQuestion[] } {
  const which = readSheet(sheet);
  if (which.kind === 'worksheet') {
    const def = worksheetDef(locale, which.id);
    return { heading: def.title, questions: def.fields().map((f) => ({ id: f.id, label: f.label, display: (v) => displayValue(locale, f, v) })) };
  }
  const m = collabMessages(locale);
  const heading = which.kind === 'step' ? m.answersHeading(which.step) : m.reminderAnswersHeading(which.n);
  return { heading, questions: sheetText(locale, sheet as Parameters<typeof sheetText>[1]).questions.map((q) => ({ id: q.id, label: q.label, display: (v) => v ?? '' })) };
}
