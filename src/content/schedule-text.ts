import type { Locale } from '../domain/poll.js';
import { collabMessages } from './collab-messages.js';
import { DEFAULT_TIME_ZONE } from '../domain/collaboration.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** A reminder rhythm in words ("elke maandag om 9:00"). */
export function formatRhythm(locale: Locale, r: { weekday: number; hour: number; minute: number; everyWeeks: 1 | 2 }): string {
  const m = collabMessages(locale);
  const time = `${r.hour}:${pad(r.minute)}`;
  return r.everyWeeks === 2 ? m.everyTwoWeeks(m.weekdays[r.weekday]!, time) : m.everyWeek(m.weekdays[r.weekday]!, time);
}

/** A moment with weekday, date and time in the collaboration's time zone ("op maandag 29 maart 2027 om 09:00"). */
export function formatMoment(locale: Locale, at: number, timeZone = DEFAULT_TIME_ZONE): string {
  const text = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-BE' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
  return locale === 'nl' ? `op ${text}` : `on ${text}`;
}

