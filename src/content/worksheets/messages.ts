import type { WorksheetId } from '../../domain/collaboration.js';
import type { Locale } from '../../domain/poll.js';

/** The words of the worksheet cards (conditions, form, partners, agreements, internal partners, externals). */
export interface WorksheetMessages {
  title: Record<WorksheetId, string>;
  intro: Record<WorksheetId, string>;
  /** Short names for modal titles (at most 24 characters). */
  short: Record<WorksheetId, string>;
  fillIn: string;
  update: string;
  add: string;
  remove: string;
  save: string;
  cancel: string;
  showAnswers: string;
  mine: string;
  saved: string;
  removed: string;
  empty: string;
  answered: (n: number) => string;
  changedBy: (who: string, date: string) => string;
  required: string;
  // conditions
  score: string;
  remark: string;
  scoreOptions: Record<'1' | '2' | '3' | '4' | '5', string>;
  spread: (mean: string, min: number, max: number, n: number) => string;
  noScores: string;
  flagLow: string;
  flagApart: string;
  discuss: string;
  // form
  issueCheckOptions: Record<'ja' | 'deels' | 'nee', string>;
  leaning: (form: string) => string;
  chosen: (form: string) => string;
  adopt: (form: string) => string;
  adopted: (form: string) => string;
  formTitle: string;
  issueTitle: string;
  // partners
  partner: Record<'naam' | 'vertegenwoordiger' | 'mandaat' | 'rol' | 'informeren', string>;
  mandate: Record<'terugkoppeling' | 'beslissing', string>;
  role: Record<'noodzakelijk' | 'omkadering', string>;
  inform: string;
  officialData: string;
  tooManyPartners: (max: number) => string;
  // agreements
  status: Record<'open' | 'besproken' | 'afgesproken' | 'nvt', string>;
  agreement: Record<'status' | 'wie' | 'timing' | 'tekst', string>;
  statusCount: (done: number, total: number) => string;
  // internal partners and externals
  ticked: (n: number, total: number) => string;
  involve: string;
  done: string;
  note: string;
  organisation: string;
  attention: string;
  stepsDone: (n: number, total: number) => string;
  registerSaved: string;
  // register search
  registerNeedsName: string;
  registerNone: (name: string) => string;
  registerHeading: (name: string, n: number) => string;
  registerHelped: string;
  registerHindered: string;
}

const nl: WorksheetMessages = {
  title: {
    conditions: 'Vijf voorwaarden voor succes',
    form: 'Vorm en issue',
    partners: 'Partners',
    agreements: 'Afspraken',
    internal: 'Interne partners',
    externals: 'Samenwerken met een externe organisatie',
  },
  intro: {
    conditions: 'Geef elke voorwaarde een score van 1 (zwak) tot 5 (sterk), met een opmerking als je wil. De kaart toont waar jullie laag scoren of ver uit elkaar liggen.',
    form: 'Waar staat jullie samenwerking op de lijn overleg – ad hoc – netwerk – fusie? Kies per dimensie, en toets het issue aan TAAK, IK en WIJ.',
    partners: 'Per organisatie: wie zit aan tafel, met welk mandaat, en is ze noodzakelijk of omkaderend? De officiële gegevens heb je nodig voor de overeenkomst.',
    agreements: 'De thema’s waarover jullie afspraken maken. Houd per thema bij hoe ver het staat, welke partner het opneemt en tegen wanneer.',
    internal: 'Welke diensten van je eigen organisatie betrek je? Vink aan wie al mee is.',
    externals: 'Het stappenplan voor een school die met een externe organisatie samenwerkt. Na stap 6 gaat jullie evaluatie naar het register van je werkruimte.',
  },
  short: {
    conditions: 'Vijf voorwaarden',
    form: 'Vorm en issue',
    partners: 'Partner',
    agreements: 'Afspraak',
    internal: 'Interne partners',
    externals: 'Stappenplan',
  },
  fillIn: 'Invullen',
  update: 'Bijwerken',
  add: 'Partner toevoegen',
  remove: 'Verwijderen',
  save: 'Bewaren',
  cancel: 'Annuleren',
  showAnswers: 'Toon antwoorden',
  mine: 'Mijn antwoorden',
  saved: 'Bewaard.',
  removed: 'Verwijderd.',
  empty: 'Nog niets ingevuld.',
  answered: (n) => (n === 1 ? '1 lid vulde in' : `${n} leden vulden in`),
  changedBy: (who, date) => `${who}, ${date}`,
  required: 'Vul dit in.',
  score: 'Score',
  remark: 'Opmerking',
  scoreOptions: { '1': '1 · zwak', '2': '2', '3': '3', '4': '4', '5': '5 · sterk' },
  spread: (mean, min, max, n) => `gemiddeld ${mean} · van ${min} tot ${max} · ${n} ${n === 1 ? 'score' : 'scores'}`,
  noScores: 'nog geen scores',
  flagLow: 'Laag gescoord',
  flagApart: 'Jullie liggen ver uit elkaar',
  discuss: 'Om te bespreken',
  issueCheckOptions: { ja: 'ja', deels: 'deels', nee: 'nee' },
  leaning: (form) => `De groep kiest vooral: ${form}`,
  chosen: (form) => `Gekozen vorm: ${form}`,
  adopt: (form) => `Kies ${form}`,
  adopted: (form) => `De vorm is nu ${form}.`,
  formTitle: 'Vorm per dimensie',
  issueTitle: 'Het issue: TAAK, IK, WIJ',
  partner: { naam: 'Organisatie (officiële naam)', vertegenwoordiger: 'Vertegenwoordiger', mandaat: 'Mandaat', rol: 'Rol', informeren: 'Op de hoogte houden' },
  mandate: { terugkoppeling: 'terugkoppeling', beslissing: 'beslissing' },
  role: { noodzakelijk: 'noodzakelijke actor', omkadering: 'omkaderende actor' },
  inform: 'Houd deze organisatie op de hoogte',
  officialData: 'Officiële gegevens',
  tooManyPartners: (max) => `Een samenwerking heeft hier ten hoogste ${max} partners.`,
  status: { open: 'open', besproken: 'besproken', afgesproken: 'afgesproken', nvt: 'n.v.t.' },
  agreement: { status: 'Stand', wie: 'Welke partner neemt het op?', timing: 'Tegen wanneer?', tekst: 'Wat spraken jullie af?' },
  statusCount: (done, total) => `${done} van ${total} thema’s afgesproken of n.v.t.`,
  ticked: (n, total) => `${n} van ${total} betrokken`,
  involve: 'Betrokken',
  done: 'Gedaan',
  note: 'Notitie',
  organisation: 'Externe organisatie',
  attention: 'Aandachtspunten',
  stepsDone: (n, total) => `${n} van ${total} stappen gedaan`,
  registerSaved: 'Bewaard. De evaluatie staat in het register van je werkruimte.',
  registerNeedsName: 'Welke organisatie zoek je? Typ bijvoorbeeld `register Natuurpunt`.',
  registerNone: (name) => `Het register van je werkruimte heeft nog geen evaluatie van “${name}”.`,
  registerHeading: (name, n) => `Register · “${name}” · ${n} ${n === 1 ? 'evaluatie' : 'evaluaties'}`,
  registerHelped: 'Wat hielp',
  registerHindered: 'Wat hinderde',
};

const en: WorksheetMessages = {
  title: {
    conditions: 'Five conditions for success',
    form: 'Form and issue',
    partners: 'Partners',
    agreements: 'Agreements',
    internal: 'Internal partners',
    externals: 'Working with an external organisation',
  },
  intro: {
    conditions: 'Score each condition from 1 (weak) to 5 (strong), with a remark if you like. The card shows where you score low or far apart.',
    form: 'Where does your collaboration sit on the line consultation – ad hoc – network – merger? Choose per dimension, and test the issue against TASK, ME and WE.',
    partners: 'Per organisation: who is at the table, with what mandate, and is it necessary or framing? You need the official data for the agreement.',
    agreements: 'The themes you make agreements on. Keep track per theme of how far it is, which partner takes it on and by when.',
    internal: 'Which services of your own organisation do you involve? Tick those already on board.',
    externals: 'The step plan for a school working with an external organisation. After step 6 your evaluation goes into your workspace’s register.',
  },
  short: {
    conditions: 'Five conditions',
    form: 'Form and issue',
    partners: 'Partner',
    agreements: 'Agreement',
    internal: 'Internal partners',
    externals: 'Step plan',
  },
  fillIn: 'Fill in',
  update: 'Update',
  add: 'Add partner',
  remove: 'Remove',
  save: 'Save',
  cancel: 'Cancel',
  showAnswers: 'Show answers',
  mine: 'My answers',
  saved: 'Saved.',
  removed: 'Removed.',
  empty: 'Nothing filled in yet.',
  answered: (n) => (n === 1 ? '1 member filled this in' : `${n} members filled this in`),
  changedBy: (who, date) => `${who}, ${date}`,
  required: 'Please fill this in.',
  score: 'Score',
  remark: 'Remark',
  scoreOptions: { '1': '1 · weak', '2': '2', '3': '3', '4': '4', '5': '5 · strong' },
  spread: (mean, min, max, n) => `mean ${mean} · from ${min} to ${max} · ${n} ${n === 1 ? 'score' : 'scores'}`,
  noScores: 'no scores yet',
  flagLow: 'Scored low',
  flagApart: 'You are far apart',
  discuss: 'To discuss',
  issueCheckOptions: { ja: 'yes', deels: 'partly', nee: 'no' },
  leaning: (form) => `The group mostly chooses: ${form}`,
  chosen: (form) => `Chosen form: ${form}`,
  adopt: (form) => `Choose ${form}`,
  adopted: (form) => `The form is now ${form}.`,
  formTitle: 'Form per dimension',
  issueTitle: 'The issue: TASK, ME, WE',
  partner: { naam: 'Organisation (official name)', vertegenwoordiger: 'Representative', mandaat: 'Mandate', rol: 'Role', informeren: 'Keep informed' },
  mandate: { terugkoppeling: 'reports back', beslissing: 'decides' },
  role: { noodzakelijk: 'necessary actor', omkadering: 'framing actor' },
  inform: 'Keep this organisation informed',
  officialData: 'Official data',
  tooManyPartners: (max) => `A collaboration has at most ${max} partners here.`,
  status: { open: 'open', besproken: 'discussed', afgesproken: 'agreed', nvt: 'n/a' },
  agreement: { status: 'Status', wie: 'Which partner takes it on?', timing: 'By when?', tekst: 'What did you agree?' },
  statusCount: (done, total) => `${done} of ${total} themes agreed or n/a`,
  ticked: (n, total) => `${n} of ${total} involved`,
  involve: 'Involved',
  done: 'Done',
  note: 'Note',
  organisation: 'External organisation',
  attention: 'Points of attention',
  stepsDone: (n, total) => `${n} of ${total} steps done`,
  registerSaved: 'Saved. The evaluation is in your workspace’s register.',
  registerNeedsName: 'Which organisation are you looking for? Type for example `register Natuurpunt`.',
  registerNone: (name) => `Your workspace’s register has no evaluation of “${name}” yet.`,
  registerHeading: (name, n) => `Register · “${name}” · ${n} ${n === 1 ? 'evaluation' : 'evaluations'}`,
  registerHelped: 'What helped',
  registerHindered: 'What hindered',
};

export function worksheetMessages(locale: Locale): WorksheetMessages {
  return locale === 'en' ? en : nl;
}
