import type { Locale } from '../domain/poll.js';

/** Replies about a collaboration's time zone, in Dutch and English. */
export interface TimeZoneMessages {
  set: (zone: string) => string;
  current: (zone: string) => string;
  unknown: (name: string) => string;
}

const nl: TimeZoneMessages = {
  set: (zone) => `De tijdzone van deze samenwerking is nu ${zone}. Geplande reminders volgen die tijd.`,
  current: (zone) => `Deze samenwerking volgt de tijd van ${zone}. Wijzigen kan met bijvoorbeeld \`tijdzone Europe/Amsterdam\`.`,
  unknown: (name) => `“${name}” ken ik niet als tijdzone. Gebruik een naam zoals \`Europe/Brussels\` of \`Europe/Amsterdam\`.`,
};

const en: TimeZoneMessages = {
  set: (zone) => `This collaboration's time zone is now ${zone}. Scheduled reminders follow that time.`,
  current: (zone) => `This collaboration follows the time of ${zone}. Change it with, for example, \`timezone Europe/Amsterdam\`.`,
  unknown: (name) => `I do not know “${name}” as a time zone. Use a name such as \`Europe/Brussels\` or \`Europe/Amsterdam\`.`,
};

export function timeZoneMessages(locale: Locale): TimeZoneMessages {
  return locale === 'en' ? en : nl;
}
