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
};

const catalog: Record<Locale, DossierMessages> = { nl, en };

export function dossierMessages(locale: Locale): DossierMessages {
  return catalog[locale];
}
