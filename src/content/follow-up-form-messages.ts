import type { Locale } from '../domain/poll.js';

/**
 * What people read around the follow-up form on cards (step, reminder and decision cards) and
 * around reminding those who have not answered, in Dutch and English.
 */
export interface FollowUpFormMessages {
  /** The button on step, reminder and decision cards that opens the form. */
  addButton: string;
  /** The facilitator's button on step, reminder and poll cards. */
  chaseButton: string;
  /** Slack modal title: at most 24 characters. */
  modalTitle: string;
  save: string;
  cancel: string;
  textLabel: string;
  ownerLabel: string;
  ownerPlaceholder: string;
  dueLabel: string;
  duePlaceholder: string;
  linkLabel: string;
  noLink: string;
  decisionLink: string;
  /** The picker of open points on cards that list them (Slack) and in the form (Teams). */
  itemPlaceholder: string;
  itemLabel: string;
  takeItem: string;
  /** Teams: a confirmation on the card after the follow-up was added. */
  added: (due: string) => string;
  errors: {
    textMissing: string;
    textTooLong: (max: number) => string;
    ownerMissing: string;
    /** Teams: the picked person is not in this conversation's roster (any more). */
    ownerNotMember: string;
    dueMissing: string;
    dueInvalid: string;
    duePast: string;
    linkInvalid: string;
  };
  chase: {
    /** The presser's private confirmation: how many got a personal message now. */
    reminded: (n: number) => string;
    /** Added when some had been reminded earlier today already. */
    alreadyToo: (n: number) => string;
    /** Nobody new: everyone left was reminded today already. */
    alreadyAll: (n: number) => string;
    nobodyLeft: string;
    nobodyLeftPoll: string;
    unreachable: (n: number) => string;
    failed: (n: number) => string;
    /** Anyone but the facilitator. */
    refused: string;
    pollClosed: string;
  };
  /** The personal message a non-responder gets. */
  chaseCard: {
    heading: string;
    sheet: (card: string, collab: string) => string;
    poll: (question: string) => string;
    pollInCollab: (question: string, collab: string) => string;
    /** Slack: `channel` is a channel link the client shows as #name. */
    whereChannel: (channel: string) => string;
    whereThread: string;
    fallback: string;
  };
}

const count = (n: number, one: string, many: string): string => (n === 1 ? `1 ${one}` : `${n} ${many}`);

const nl: FollowUpFormMessages = {
  addButton: '+ opvolgpunt',
  chaseButton: 'Herinner wie nog niet antwoordde',
  modalTitle: 'Nieuw opvolgpunt',
  save: 'Bewaren',
  cancel: 'Annuleren',
  textLabel: 'Wat moet er gebeuren?',
  ownerLabel: 'Wie neemt het op?',
  ownerPlaceholder: 'Kies iemand',
  dueLabel: 'Tegen wanneer?',
  duePlaceholder: 'Kies een datum',
  linkLabel: 'Hoort bij',
  noLink: 'Niets in het bijzonder',
  decisionLink: 'De beslissing (go of no go)',
  itemPlaceholder: 'Maak een opvolgpunt van een open punt',
  itemLabel: 'Neem een open punt over',
  takeItem: 'Neem over',
  added: (due) => `Opvolgpunt genoteerd, tegen ${due}. De eigenaar krijgt vooraf een herinnering.`,
  errors: {
    textMissing: 'Schrijf wat er moet gebeuren.',
    textTooLong: (max) => `Hoogstens ${max} tekens.`,
    ownerMissing: 'Kies wie het opneemt.',
    ownerNotMember: 'Kies iemand uit dit gesprek.',
    dueMissing: 'Kies een datum.',
    dueInvalid: 'Die datum bestaat niet. Kies een datum in de kalender.',
    duePast: 'Die datum ligt in het verleden. Kies een datum vanaf vandaag.',
    linkInvalid: 'Kies een stap of de beslissing uit de lijst.',
  },
  chase: {
    reminded: (n) => `Ik stuurde ${count(n, 'persoon', 'mensen')} die nog niet antwoordde${n === 1 ? '' : 'n'} een persoonlijke herinnering.`,
    alreadyToo: (n) => `${count(n, 'persoon', 'mensen')} ${n === 1 ? 'kreeg' : 'kregen'} vandaag al een herinnering.`,
    alreadyAll: (n) => `Wie nog niet antwoordde, kreeg vandaag al een herinnering (${count(n, 'persoon', 'mensen')}). Morgen kan het opnieuw.`,
    nobodyLeft: 'Iedereen heeft al geantwoord: er is niemand om te herinneren.',
    nobodyLeftPoll: 'Iedereen heeft al gestemd: er is niemand om te herinneren.',
    unreachable: (n) => `${count(n, 'persoon', 'mensen')} kon ik geen persoonlijk bericht sturen.`,
    failed: (n) => `Bij ${count(n, 'persoon', 'mensen')} lukte het nu niet; druk later opnieuw.`,
    refused: 'Alleen de facilitator kan herinneren wie nog niet antwoordde. Er is niets verstuurd.',
    pollClosed: 'Deze peiling is gesloten: er valt niemand meer te herinneren.',
  },
  chaseCard: {
    heading: 'Even herinneren',
    sheet: (card, collab) => `Je hebt nog niet geantwoord op “${card}” in de samenwerking “${collab}”. Je antwoord telt mee.`,
    poll: (question) => `Je hebt nog niet gestemd in de temperatuurmeting “${question}”. Je stem telt mee.`,
    pollInCollab: (question, collab) => `Je hebt nog niet gestemd in de temperatuurmeting “${question}” van de samenwerking “${collab}”. Je stem telt mee.`,
    whereChannel: (channel) => `Je vindt de kaart in de draad van ${channel}.`,
    whereThread: 'Je vindt de kaart in het kanaal of de chat waar de samenwerking loopt.',
    fallback: 'Herinnering: je hebt nog niet geantwoord',
  },
};

const en: FollowUpFormMessages = {
  addButton: '+ follow-up',
  chaseButton: 'Remind those who have not answered',
  modalTitle: 'New follow-up',
  save: 'Save',
  cancel: 'Cancel',
  textLabel: 'What needs doing?',
  ownerLabel: 'Who takes it up?',
  ownerPlaceholder: 'Pick someone',
  dueLabel: 'By when?',
  duePlaceholder: 'Pick a date',
  linkLabel: 'Belongs to',
  noLink: 'Nothing in particular',
  decisionLink: 'The decision (go or no go)',
  itemPlaceholder: 'Turn an open point into a follow-up',
  itemLabel: 'Take over an open point',
  takeItem: 'Take over',
  added: (due) => `Follow-up noted, due ${due}. The owner gets a reminder beforehand.`,
  errors: {
    textMissing: 'Write what needs doing.',
    textTooLong: (max) => `At most ${max} characters.`,
    ownerMissing: 'Pick who takes it up.',
    ownerNotMember: 'Pick someone from this conversation.',
    dueMissing: 'Pick a date.',
    dueInvalid: 'That date does not exist. Pick a date in the calendar.',
    duePast: 'That date lies in the past. Pick a date from today on.',
    linkInvalid: 'Pick a step or the decision from the list.',
  },
  chase: {
    reminded: (n) => `I sent ${count(n, 'person', 'people')} who had not answered yet a personal reminder.`,
    alreadyToo: (n) => `${count(n, 'person', 'people')} had a reminder earlier today already.`,
    alreadyAll: (n) => `Those who have not answered had a reminder earlier today already (${count(n, 'person', 'people')}). You can remind them again tomorrow.`,
    nobodyLeft: 'Everyone has answered: there is nobody to remind.',
    nobodyLeftPoll: 'Everyone has voted: there is nobody to remind.',
    unreachable: (n) => `${count(n, 'person', 'people')} could not get a personal message.`,
    failed: (n) => `For ${count(n, 'person', 'people')} it did not work just now; press again later.`,
    refused: 'Only the facilitator can remind those who have not answered. Nothing was sent.',
    pollClosed: 'This poll is closed: there is nobody left to remind.',
  },
  chaseCard: {
    heading: 'A quick reminder',
    sheet: (card, collab) => `You have not answered “${card}” in the collaboration “${collab}” yet. Your answer counts.`,
    poll: (question) => `You have not voted in the temperature poll “${question}” yet. Your vote counts.`,
    pollInCollab: (question, collab) => `You have not voted in the temperature poll “${question}” of the collaboration “${collab}” yet. Your vote counts.`,
    whereChannel: (channel) => `You find the card in the thread in ${channel}.`,
    whereThread: 'You find the card in the channel or chat where the collaboration runs.',
    fallback: 'Reminder: you have not answered yet',
  },
};

export function followUpFormMessages(locale: Locale): FollowUpFormMessages {
  return locale === 'en' ? en : nl;
}

/** The presser's private answer after "remind those who have not answered", from counts only. */
export function chaseReply(locale: Locale, r: { reminded: number; already: number; unreachable: number; failed: number }, poll: boolean): string {
  const m = followUpFormMessages(locale).chase;
  const parts: string[] = [];
  if (r.reminded > 0) parts.push(m.reminded(r.reminded));
  if (r.already > 0) parts.push(r.reminded + r.unreachable + r.failed === 0 ? m.alreadyAll(r.already) : m.alreadyToo(r.already));
  if (r.unreachable > 0) parts.push(m.unreachable(r.unreachable));
  if (r.failed > 0) parts.push(m.failed(r.failed));
  if (parts.length > 0) return parts.join(' ');
  return poll ? m.nobodyLeftPoll : m.nobodyLeft;
}
