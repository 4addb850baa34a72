import type { Locale } from '../../domain/poll.js';
import { remindersEn } from './reminders-en.js';
import { remindersNl } from './reminders-nl.js';
import { parseLocalized, REMINDER_COUNT, ReminderSchema, type Reminder } from './schemas.js';

const parsed = parseLocalized(
  'reminders',
  ReminderSchema,
  { nl: remindersNl, en: remindersEn },
  (r) => `${r.id}:${r.questions.map((q) => q.id).join(',')}`,
);

for (const locale of ['nl', 'en'] as const) {
  const list = parsed[locale];
  if (list.length !== REMINDER_COUNT) {
    throw new Error(`reminders.${locale}: expected ${REMINDER_COUNT} reminders, found ${list.length}`);
  }
  list.forEach((r, index) => {
    if (r.number !== index + 1) throw new Error(`reminders.${locale}[${index}]: number ${r.number} out of order`);
  });
}

/** The ten reminders of seed 003, in order 1..10. */
export function reminders(locale: Locale): readonly Reminder[] {
  return parsed[locale];
}

/** Reminder `n` (1..10); throws for any other number so a bad command argument never posts a blank card. */
export function reminder(locale: Locale, n: number): Reminder {
  const entry = Number.isInteger(n) ? parsed[locale][n - 1] : undefined;
  if (!entry) throw new Error(`No reminder ${n} (expected 1..${REMINDER_COUNT})`);
  return entry;
}
