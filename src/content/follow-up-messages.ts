import type { Locale } from '../domain/poll.js';
import type { LocalDate, NudgeKind } from '../domain/follow-up.js';

/** Everything people read about follow-ups (opvolgpunten), in Dutch and English. */
export interface FollowUpMessages {
  /** How to write the command, for a command that misses a part. */
  usage: string;
  unclearDate: (typed: string) => string;
  pastDate: (typed: string) => string;
  tooMany: string;
  /** Private confirmation for the one who added it. */
  added: (due: string) => string;
  addedMany: (count: number) => string;
  /** One short line in the thread per change. `owner` is already formatted for the platform. */
  line: {
    added: (text: string, owner: string, due: string) => string;
    done: (text: string, by: string) => string;
    snoozed: (text: string, due: string) => string;
    reassigned: (text: string, owner: string) => string;
    /** Several added at once; the items follow in a list. */
    addedMany: (count: number, by: string) => string;
  };
  listHeading: string;
  listEmpty: string;
  /** The owner and due date under an item. */
  itemDetail: (owner: string, due: string, overdue: boolean) => string;
  nudgeHeading: Record<Exclude<NudgeKind, 'overdue'>, string>;
  nudgeIntro: (collab: string) => string;
  overdueHeading: string;
  overdueIntro: (collab: string) => string;
  buttons: { done: string; day: string; week: string; reassign: string; add: string };
  /** Private replies after a button. */
  doneReply: string;
  snoozedReply: (due: string) => string;
  reassignedReply: (owner: string) => string;
  alreadyDone: string;
  /** The label of the person picker when handing over. */
  newOwner: string;
  pickOwner: string;
  handOverIntro: string;
  /** The hand-over picker could not be filled: the channel's people could not be read. */
  noRoster: string;
  /** Nobody but the owner in the channel: nobody to hand over to. */
  noOneElse: string;
  fallback: (count: number) => string;
  digestHeading: string;
  digestIntro: (collabs: number) => string;
  /** The personal overview (Slack Home tab, Teams `mijn`). */
  mineHeading: string;
  mineEmpty: string;
  myCollabsHeading: string;
  myCollabsEmpty: string;
  /** The reader's part in a collaboration and where it stands. */
  collabDetail: (lead: boolean, where: string) => string;
  /** Under a list cut short: how many more, and where to see them all. */
  more: (count: number) => string;
  /** Teams: `mijn` typed in a channel, where everyone would see the answer. */
  mineInPersonalChat: string;
}

const nl: FollowUpMessages = {
  usage: 'Schrijf het zo: `opvolg Offerte opvragen @An vrijdag`: wat er moet gebeuren, wie het opneemt (met @) en tegen wanneer. Meerdere tegelijk: één per regel, tot 20.',
  unclearDate: (typed) => `“${typed}” begrijp ik niet als datum. Probeer bijvoorbeeld \`vrijdag\`, \`15/12\`, \`over 2 weken\` of \`2026-12-15\`.`,
  pastDate: (typed) => `“${typed}” ligt in het verleden. Kies een datum vanaf vandaag.`,
  tooMany: 'Deze samenwerking heeft het maximum aantal opvolgpunten. Vink eerst afgewerkte punten af.',
  addedMany: (count) => `${count} opvolgpunten genoteerd. Elke eigenaar krijgt twee werkdagen vooraf en op de dag zelf een herinnering.`,
  added: (due) => `Opvolgpunt genoteerd, tegen ${due}. De eigenaar krijgt twee werkdagen vooraf en op de dag zelf een herinnering.`,
  line: {
    added: (text, owner, due) => `Nieuw opvolgpunt: ${text}. ${owner}, tegen ${due}.`,
    done: (text, by) => `Afgewerkt: ${text} (${by}).`,
    snoozed: (text, due) => `Uitgesteld: ${text}, nu tegen ${due}.`,
    reassigned: (text, owner) => `Overgedragen: ${text}, nu bij ${owner}.`,
    addedMany: (count, by) => `${count} nieuwe opvolgpunten (${by}):`,
  },
  listHeading: 'Opvolgpunten',
  listEmpty: 'Er staan geen open opvolgpunten. Voeg er een toe met `opvolg <wat> @persoon <wanneer>`.',
  itemDetail: (owner, due, overdue) => `${owner} · ${overdue ? 'te laat, was ' : 'tegen '}${due}`,
  nudgeHeading: { soon: 'Binnenkort te doen', due: 'Vandaag te doen' },
  nudgeIntro: (collab) => `Een opvolgpunt van de samenwerking “${collab}”.`,
  overdueHeading: 'Opvolgpunten te laat',
  overdueIntro: (collab) => `Deze punten van “${collab}” zijn twee werkdagen over tijd. Je krijgt dit als coördinator.`,
  buttons: { done: 'Klaar', day: 'Uitstellen 1 dag', week: 'Uitstellen 1 week', reassign: 'Overdragen', add: 'Opvolgpunt toevoegen' },
  doneReply: 'Genoteerd als afgewerkt. Dank je!',
  snoozedReply: (due) => `Uitgesteld tot ${due}.`,
  reassignedReply: (owner) => `Overgedragen aan ${owner}.`,
  alreadyDone: 'Dit opvolgpunt is al afgewerkt.',
  newOwner: 'Wie neemt het over?',
  pickOwner: 'Kies iemand uit het kanaal',
  handOverIntro: 'Kies wie dit opvolgpunt overneemt. Die persoon krijgt voortaan de herinneringen.',
  noRoster: 'Ik kan de leden van het kanaal nu niet ophalen. Probeer het zo dadelijk opnieuw.',
  noOneElse: 'Er is niemand anders in het kanaal van deze samenwerking om het aan over te dragen.',
  fallback: (count) => (count === 1 ? '1 opvolgpunt' : `${count} opvolgpunten`),
  digestHeading: 'Je opvolgpunten deze week',
  digestIntro: (collabs) => `De open punten van ${collabs === 1 ? 'de samenwerking' : `de ${collabs} samenwerkingen`} die je begeleidt of coördineert, de te late bovenaan.`,
  mineHeading: 'Mijn opvolgpunten',
  mineEmpty: 'Je hebt geen open opvolgpunten.',
  myCollabsHeading: 'Mijn samenwerkingen',
  myCollabsEmpty: 'Je begeleidt of coördineert nog geen samenwerking. Start er een met `start <titel>` in een kanaal.',
  collabDetail: (lead, where) => `${lead ? 'Je begeleidt of coördineert' : 'Je hebt er opvolgpunten'} · ${where}`,
  more: (count) => `En nog ${count}. Typ \`opvolgpunten\` in de draad van de samenwerking voor de hele lijst.`,
  mineInPersonalChat: 'Je overzicht is persoonlijk: typ `mijn` in je eigen chat met WerktSamen.',
};

const en: FollowUpMessages = {
  usage: 'Write it like this: `followup Ask for a quote @An friday`: what needs doing, who takes it up (with @) and by when. Several at once: one per line, up to 20.',
  unclearDate: (typed) => `I do not understand “${typed}” as a date. Try, for example, \`friday\`, \`15/12\`, \`in 2 weeks\` or \`2026-12-15\`.`,
  pastDate: (typed) => `“${typed}” lies in the past. Pick a date from today on.`,
  tooMany: 'This collaboration holds the maximum number of follow-ups. Tick off finished ones first.',
  addedMany: (count) => `${count} follow-ups noted. Each owner gets a reminder two working days before and on the day itself.`,
  added: (due) => `Follow-up noted, due ${due}. The owner gets a reminder two working days before and on the day itself.`,
  line: {
    added: (text, owner, due) => `New follow-up: ${text}. ${owner}, due ${due}.`,
    done: (text, by) => `Done: ${text} (${by}).`,
    snoozed: (text, due) => `Postponed: ${text}, now due ${due}.`,
    reassigned: (text, owner) => `Handed over: ${text}, now with ${owner}.`,
    addedMany: (count, by) => `${count} new follow-ups (${by}):`,
  },
  listHeading: 'Follow-ups',
  listEmpty: 'There are no open follow-ups. Add one with `followup <what> @person <when>`.',
  itemDetail: (owner, due, overdue) => `${owner} · ${overdue ? 'overdue, was due ' : 'due '}${due}`,
  nudgeHeading: { soon: 'Coming up', due: 'Due today' },
  nudgeIntro: (collab) => `A follow-up of the collaboration “${collab}”.`,
  overdueHeading: 'Follow-ups overdue',
  overdueIntro: (collab) => `These points of “${collab}” are two working days overdue. You get this as a coordinator.`,
  buttons: { done: 'Done', day: 'Postpone 1 day', week: 'Postpone 1 week', reassign: 'Hand over', add: 'Add follow-up' },
  doneReply: 'Marked as done. Thank you!',
  snoozedReply: (due) => `Postponed to ${due}.`,
  reassignedReply: (owner) => `Handed over to ${owner}.`,
  alreadyDone: 'This follow-up is already done.',
  newOwner: 'Who takes it over?',
  pickOwner: 'Pick someone from the channel',
  handOverIntro: 'Pick who takes this follow-up over. They get the reminders from now on.',
  noRoster: 'I cannot read the channel’s members right now. Try again in a moment.',
  noOneElse: 'There is nobody else in this collaboration’s channel to hand it over to.',
  fallback: (count) => (count === 1 ? '1 follow-up' : `${count} follow-ups`),
  digestHeading: 'Your follow-ups this week',
  digestIntro: (collabs) => `The open points of ${collabs === 1 ? 'the collaboration' : `the ${collabs} collaborations`} you facilitate or coordinate, overdue ones on top.`,
  mineHeading: 'My follow-ups',
  mineEmpty: 'You have no open follow-ups.',
  myCollabsHeading: 'My collaborations',
  myCollabsEmpty: 'You do not facilitate or coordinate a collaboration yet. Start one with `start <title>` in a channel.',
  collabDetail: (lead, where) => `${lead ? 'You facilitate or coordinate' : 'You have follow-ups here'} · ${where}`,
  more: (count) => `And ${count} more. Type \`followups\` in the collaboration's thread for the whole list.`,
  mineInPersonalChat: 'Your overview is personal: type `mine` in your own chat with WerktSamen.',
};

export function followUpMessages(locale: Locale): FollowUpMessages {
  return locale === 'en' ? en : nl;
}

/** A due date in words ("vrijdag 27 november"); the year only when it is not this year's. */
export function formatDue(locale: Locale, due: LocalDate, today: LocalDate): string {
  const sameYear = due.slice(0, 4) === today.slice(0, 4);
  return dueFormat(locale, sameYear).format(Date.parse(`${due}T12:00:00Z`));
}

// Building a DateTimeFormat costs far more than using one; there are only four.
const dueFormats = new Map<string, Intl.DateTimeFormat>();
function dueFormat(locale: Locale, sameYear: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${sameYear}`;
  let format = dueFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-BE' : 'en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...(sameYear ? {} : { year: 'numeric' }),
      // The date is a calendar date: read it in UTC so no zone shifts it to another day.
      timeZone: 'UTC',
    });
    dueFormats.set(key, format);
  }
  return format;
}
