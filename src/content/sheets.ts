import type { Locale } from '../domain/poll.js';
import { readQuestionSheet, type QuestionSheet } from '../domain/collaboration.js';
import { reminder } from './method/reminders.js';
import { stepText } from './steps.js';
import type { StepQuestion } from './step-schema.js';

/** What a sheet's card shows and asks, whether it is a step (seed 001) or a reminder (seed 003). */
export interface SheetText {
  title: string;
  intro: string;
  facts: { title: string; text: string }[];
  /** Reminder questions have no hint: the hint is empty there. */
  questions: (Omit<StepQuestion, 'hint'> & { hint: string })[];
}

const REMINDER_WORD: Record<Locale, string> = { nl: 'Reminder', en: 'Reminder' };

/** The texts of a sheet in one language. */
export function sheetText(locale: Locale, sheet: QuestionSheet): SheetText {
  const which = readQuestionSheet(sheet);
  if (which.kind === 'step') return stepText(locale, which.step);
  const r = reminder(locale, which.n);
  return {
    title: `${REMINDER_WORD[locale]} ${r.number} · ${r.title}`,
    intro: r.explanation,
    facts: [],
    questions: r.questions.map((q) => ({ id: q.id, label: q.label, hint: '' })),
  };
}
