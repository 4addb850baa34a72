import type { Locale } from '../domain/poll.js';

/** Headings and labels of the dossier page and its downloads. */
export interface DossierMessages {
  pageTitle: (title: string) => string;
  intro: string;
  fieldsHeading: string;
  peopleHeading: string;
  noAnswer: string;
  historyHeading: string;
  historyIntro: string;
  temperaturesHeading: string;
  noTemperatures: string;
  decisionsHeading: string;
  itemsHeading: string;
  noItems: string;
  generated: (date: string) => string;
  downloads: string;
  markdown: string;
  json: string;
  rationale: string;
  by: string;
  privacy: string;
  // worksheets
  noLeaning: string;
  notInvolved: string;
  notDone: string;
  agreed: string;
  informHeading: string;
  informIntro: string;
  noInform: string;
  // draft agreement
  draftHeading: string;
  draftIntro: string;
  article: (n: number, title: string) => string;
  commonGoal: string;
  noCommonGoal: string;
  openMark: string;
  discussedMark: string;
  notApplicable: string;
  agreedNoText: string;
  draftText: string;
  responsible: string;
  timing: string;
  representative: string;
  signatory: string;
  noParties: string;
  missingData: (party: string, fields: string) => string;
  guidance: string;
}

const nl: DossierMessages = {
  pageTitle: (title) => `Dossier: ${title}`,
  intro: 'Het verloop van deze samenwerking zoals WerktSamen het bijhoudt. Deze pagina is privé: deel de link alleen met wie mee beslist.',
  fieldsHeading: 'De samenwerking',
  peopleHeading: 'Wie',
  noAnswer: 'Nog geen antwoorden.',
  historyHeading: 'Eerdere versies van antwoorden',
  historyIntro: 'Wie een antwoord aanpaste, vindt hier wat er eerder stond.',
  temperaturesHeading: 'Temperatuur van het team',
  noTemperatures: 'Er is nog geen temperatuur gemeten.',
  decisionsHeading: 'Beslissingen',
  itemsHeading: 'Open punten',
  noItems: 'Geen open punten.',
  generated: (date) => `Gemaakt op ${date}.`,
  downloads: 'Downloaden',
  markdown: 'Markdown',
  json: 'JSON',
  rationale: 'Waarom',
  by: 'Vastgelegd door',
  privacy: 'Deze link werkt een beperkte tijd en stopt zodra de samenwerking vergeten wordt.',
  noLeaning: 'De groep kiest nog niet duidelijk één vorm.',
  notInvolved: 'Nog niet betrokken',
  notDone: 'Nog niet gedaan',
  agreed: 'Afspraak',
  informHeading: 'Wie informeren',
  informIntro: 'Omkaderende partners die jullie op de hoogte houden van de samenwerking.',
  noInform: 'Geen omkaderende partners om op de hoogte te houden.',
  draftHeading: 'Ontwerp van overeenkomst',
  draftIntro: 'Een ontwerp dat WerktSamen maakte uit wat in de thread werd ingevuld. Lees het na en vul het aan voor iemand tekent.',
  article: (n, title) => `Artikel ${n} · ${title}`,
  commonGoal: 'Gemeenschappelijk doel',
  noCommonGoal: 'OPEN: het gemeenschappelijke doel is nog niet beschreven',
  openMark: 'OPEN: nog af te spreken',
  discussedMark: 'OPEN: besproken, nog niet afgesproken',
  notApplicable: 'Niet van toepassing',
  agreedNoText: 'Afgesproken; de tekst moet nog geschreven worden.',
  draftText: 'Tekst in voorbereiding',
  responsible: 'Verantwoordelijke partner',
  timing: 'Timing',
  representative: 'Vertegenwoordigd door',
  signatory: 'Ondertekenaar',
  noParties: 'OPEN: nog geen partners opgegeven',
  missingData: (party, fields) => `OPEN: nog in te vullen voor ${party}: ${fields}`,
  guidance: 'Wat hier komt',
};

const en: DossierMessages = {
  pageTitle: (title) => `Dossier: ${title}`,
  intro: 'How this collaboration went, as WerktSamen keeps it. This page is private: share the link only with people who take part in the decision.',
  fieldsHeading: 'The collaboration',
  peopleHeading: 'Who',
  noAnswer: 'No answers yet.',
  historyHeading: 'Earlier versions of answers',
  historyIntro: 'When someone changed an answer, what it said before is kept here.',
  temperaturesHeading: 'Team temperature',
  noTemperatures: 'No temperature has been measured yet.',
  decisionsHeading: 'Decisions',
  itemsHeading: 'Open points',
  noItems: 'No open points.',
  generated: (date) => `Made on ${date}.`,
  downloads: 'Download',
  markdown: 'Markdown',
  json: 'JSON',
  rationale: 'Why',
  by: 'Recorded by',
  privacy: 'This link works for a limited time and stops as soon as the collaboration is forgotten.',
  noLeaning: 'The group does not clearly lean to one form yet.',
  notInvolved: 'Not involved yet',
  notDone: 'Not done yet',
  agreed: 'Agreement',
  informHeading: 'Who to inform',
  informIntro: 'Framing partners you keep informed about the collaboration.',
  noInform: 'No framing partners to keep informed.',
  draftHeading: 'Draft agreement',
  draftIntro: 'A draft WerktSamen generated from what was filled in in the thread. Check and complete it before anyone signs.',
  article: (n, title) => `Article ${n} · ${title}`,
  commonGoal: 'Common goal',
  noCommonGoal: 'OPEN: the common goal has not been described yet',
  openMark: 'OPEN: still to agree',
  discussedMark: 'OPEN: discussed, not yet agreed',
  notApplicable: 'Not applicable',
  agreedNoText: 'Agreed; the text still has to be written.',
  draftText: 'Text in preparation',
  responsible: 'Responsible partner',
  timing: 'Timing',
  representative: 'Represented by',
  signatory: 'Signatory',
  noParties: 'OPEN: no partners listed yet',
  missingData: (party, fields) => `OPEN: still to fill in for ${party}: ${fields}`,
  guidance: 'What goes here',
};

const catalog: Record<Locale, DossierMessages> = { nl, en };

export function dossierMessages(locale: Locale): DossierMessages {
  return catalog[locale];
}
