import type { Form, Outcome, Stage, Tension } from '../domain/collaboration.js';
import type { Locale } from '../domain/poll.js';

/** The sentences of collaboration cards and replies, in Dutch and English. */
export interface CollabMessages {
  rootHeading: string;
  fields: {
    issue: string;
    facilitator: string;
    opvolger: string;
    coordinators: string;
    form: string;
    step: string;
    temperature: string;
    decision: string;
    language: string;
    title: string;
  };
  none: string;
  forms: Record<Form, string>;
  stage: Record<Stage, string>;
  stepLabel: (step: number) => string;
  reminderLabel: (n: number) => string;
  openItemsTitle: string;
  itemKind: Record<'opvolgpunt' | 'voorwaarde' | 'traject', string>;
  trajectItem: string;
  editButton: string;
  saveButton: string;
  cancelButton: string;
  editTitle: string;
  languageNames: Record<Locale, string>;
  threadHint: string;
  answerButton: string;
  saveAnswersButton: string;
  postAnswersButton: string;
  mineButton: string;
  answerPlaceholder: string;
  progress: (answered: number, members: number | undefined) => string;
  answersSaved: string;
  answersHeading: (step: number) => string;
  reminderAnswersHeading: (n: number) => string;
  noAnswers: string;
  stepFourChoose: string;
  outcomeBack: (step: number) => string;
  backToStep: (step: number) => string;
  decisionHeading: string;
  noTemperature: string;
  pollStillOpen: string;
  startPollButton: string;
  temperatureLine: (level: string, voters: number) => string;
  go: string;
  nogo: string;
  outcome: Record<Outcome, string>;
  rationaleLabel: string;
  rationaleHint: string;
  withWhomLabel: string;
  withWhomDefault: string;
  decideButton: string;
  decisionRecorded: string;
  decisionLine: (outcome: string, withWhom: string, date: string) => string;
  tension: Record<Tension, string>;
  superseded: string;
  decisionsHeading: string;
  noDecisions: string;
  listHeading: string;
  listEmpty: string;
  listLine: (title: string, step: string, temperature: string, decision: string) => string;
  chooseCollab: string;
  chooseButton: string;
  confirmForget: (title: string) => string;
  forgetButton: string;
  forgotten: string;
  cancelled: string;
  dossierLink: (url: string, validMs: number, filePosted: boolean) => string;
  dossierOffer: string;
  reminderScheduled: (rhythm: string, next: string) => string;
  reminderNext: (rhythm: string, next: string) => string;
  reminderStopped: string;
  weekdays: string[];
  everyWeek: (weekday: string, time: string) => string;
  everyTwoWeeks: (weekday: string, time: string) => string;
  dossierButton: string;
  openDossier: string;
  started: string;
  notStarted: string;
  rootSaved: string;
  viaStep4: string;
  stoppedNote: string;
  required: string;
  tooLong: (max: number) => string;
  dateFormat: Intl.DateTimeFormatOptions;
}

const nl: CollabMessages = {
  rootHeading: 'Samenwerkingsidee',
  fields: {
    issue: 'Waarover gaat het',
    facilitator: 'Facilitator',
    opvolger: 'Idee-opvolger',
    coordinators: 'Coördinatoren',
    form: 'Vorm',
    step: 'Waar staan we',
    temperature: 'Temperatuur',
    decision: 'Beslissing',
    language: 'Taal van de kaarten',
    title: 'Titel',
  },
  none: '—',
  forms: { overleg: 'Overleg', ad_hoc: 'Ad hoc', netwerk: 'Netwerk', fusie: 'Fusie' },
  stage: { steps: 'Stappen', deciding: 'Temperatuur en beslissing', stopped: 'Gestopt: het voorstel lukt niet' },
  stepLabel: (step) => `Stap ${step} van 4`,
  reminderLabel: (n) => `Reminder ${n} van 10`,
  openItemsTitle: 'Open punten',
  itemKind: { opvolgpunt: 'Opvolgpunt', voorwaarde: 'Voorwaarde', traject: 'Traject' },
  trajectItem: 'Plan een traject rond de spanning tussen het draagvlak in het team en de beslissing.',
  editButton: 'Bewerken',
  saveButton: 'Bewaren',
  cancelButton: 'Annuleren',
  editTitle: 'Samenwerking bewerken',
  languageNames: { nl: 'Nederlands', en: 'English' },
  threadHint: 'Alles over deze samenwerking gebeurt in de draad onder dit bericht.',
  answerButton: 'Antwoorden',
  saveAnswersButton: 'Antwoorden bewaren',
  postAnswersButton: 'Toon alle antwoorden',
  mineButton: 'Mijn antwoorden',
  answerPlaceholder: 'Jouw antwoord',
  progress: (answered, members) =>
    members === undefined ? `${answered} ${answered === 1 ? 'lid antwoordde' : 'leden antwoordden'}` : `${answered} van ${members} leden antwoordden`,
  answersSaved: 'Je antwoorden zijn bewaard. Je kunt ze nog aanpassen.',
  answersHeading: (step) => `Antwoorden op stap ${step}`,
  reminderAnswersHeading: (n) => `Antwoorden op reminder ${n}`,
  noAnswers: 'Nog niemand heeft geantwoord.',
  stepFourChoose: 'Facilitator: kies na het gesprek een van de drie uitkomsten.',
  outcomeBack: (step) => `Vraagtekens: terug naar stap ${step}`,
  backToStep: (step) => `Er zijn nog vraagtekens. We gaan terug naar stap ${step}; de open punten staan hieronder.`,
  decisionHeading: 'Go of no go?',
  noTemperature: 'Er is nog geen temperatuur gemeten. Meet eerst hoeveel enthousiasme er in het team is.',
  pollStillOpen: 'De temperatuurmeting loopt nog. Sluit ze om het resultaat mee te nemen.',
  startPollButton: 'Temperatuur meten',
  temperatureLine: (level, voters) => `${level} (${voters} ${voters === 1 ? 'stem' : 'stemmen'})`,
  go: 'Go',
  nogo: 'No go',
  outcome: { go: 'Go', nogo: 'No go' },
  rationaleLabel: 'Waarom?',
  rationaleHint: 'Schrijf kort op waarom jullie zo beslissen. Dat helpt wie later meeleest.',
  withWhomLabel: 'Met wie genomen',
  withWhomDefault: 'met het beleidsteam',
  decideButton: 'Beslissing vastleggen',
  decisionRecorded: 'De beslissing is vastgelegd.',
  decisionLine: (outcome, withWhom, date) => `${outcome}, ${withWhom}, ${date}`,
  tension: {
    traject: 'Traject nodig: het enthousiasme in het team en de beslissing wijzen een andere kant op.',
    aandacht: 'Aandacht: het enthousiasme in het team is gemengd.',
  },
  superseded: 'Vervangen door een latere beslissing',
  decisionsHeading: 'Beslissingen',
  noDecisions: 'Er is nog geen beslissing vastgelegd.',
  listHeading: 'Samenwerkingen in dit kanaal',
  listEmpty: 'In dit kanaal loopt nog geen samenwerking. Begin er een met `start [titel]`.',
  listLine: (title, step, temperature, decision) => `*${title}*: ${step} · temperatuur: ${temperature} · beslissing: ${decision}`,
  chooseCollab: 'In dit kanaal lopen meerdere samenwerkingen. Over welke gaat het?',
  chooseButton: 'Deze',
  confirmForget: (title) =>
    `Wil je de samenwerking *${title}* echt vergeten? Alles wordt gewist: velden, antwoorden, temperaturen, beslissingen, open punten en dossierlinks. Dat kan niet ongedaan worden.`,
  forgetButton: 'Ja, vergeet alles',
  forgotten: 'Deze samenwerking is op vraag van de facilitator vergeten. WerktSamen bewaart er niets meer van.',
  cancelled: 'Er is niets gewist.',
  dossierLink: (url, validMs, filePosted) =>
    `Het dossier van deze samenwerking (alleen voor jou; de link werkt ${Math.round(validMs / 86_400_000)} dagen): ${url}` +
    (filePosted ? '\nDe Markdown-versie staat ook in de draad.' : ''),
  reminderScheduled: (rhythm, next) => `Afgesproken: ${rhythm} komt er een reminder in de draad. De eerste komt ${next}.`,
  reminderNext: (rhythm, next) => `Reminders komen ${rhythm}. De volgende komt ${next}. Stoppen kan met \`reminder stop\`.`,
  reminderStopped: 'De geplande reminders zijn gestopt. Met `reminder` zet je er nog altijd zelf een in de draad.',
  weekdays: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  everyWeek: (weekday, time) => `elke ${weekday} om ${time}`,
  everyTwoWeeks: (weekday, time) => `om de twee weken op ${weekday} om ${time}`,
  dossierOffer: 'Het dossier bundelt de velden, antwoorden, temperaturen, beslissingen en open punten. Vraag je eigen privélink op met de knop.',
  dossierButton: 'Mijn dossierlink',
  openDossier: 'Dossier openen',
  started: 'De samenwerking is gestart.',
  notStarted: 'Deze samenwerking kon niet starten: WerktSamen kon ze niet bewaren. Begin ze opnieuw met `start`.',
  rootSaved: 'De samenwerking is bijgewerkt.',
  viaStep4: 'Beslist in stap 4: het voorstel lukt niet.',
  stoppedNote: 'Deze samenwerking is gestopt na stap 4. Je kunt de antwoorden nog lezen in het dossier.',
  required: 'Vul dit in.',
  tooLong: (max) => `Dat is te lang: hoogstens ${max} tekens.`,
  dateFormat: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' },
};

const en: CollabMessages = {
  rootHeading: 'Collaboration idea',
  fields: {
    issue: 'What it is about',
    facilitator: 'Facilitator',
    opvolger: 'Idea follower',
    coordinators: 'Coordinators',
    form: 'Form',
    step: 'Where we are',
    temperature: 'Temperature',
    decision: 'Decision',
    language: 'Language of the cards',
    title: 'Title',
  },
  none: '—',
  forms: { overleg: 'Consultation', ad_hoc: 'Ad hoc', netwerk: 'Network', fusie: 'Merger' },
  stage: { steps: 'Steps', deciding: 'Temperature and decision', stopped: 'Stopped: the proposal does not work out' },
  stepLabel: (step) => `Step ${step} of 4`,
  reminderLabel: (n) => `Reminder ${n} of 10`,
  openItemsTitle: 'Open points',
  itemKind: { opvolgpunt: 'Follow-up point', voorwaarde: 'Condition', traject: 'Traject' },
  trajectItem: 'Plan a traject about the tension between the team’s support and the decision.',
  editButton: 'Edit',
  saveButton: 'Save',
  cancelButton: 'Cancel',
  editTitle: 'Edit collaboration',
  languageNames: { nl: 'Nederlands', en: 'English' },
  threadHint: 'Everything about this collaboration happens in the thread under this message.',
  answerButton: 'Answer',
  saveAnswersButton: 'Save answers',
  postAnswersButton: 'Show all answers',
  mineButton: 'My answers',
  answerPlaceholder: 'Your answer',
  progress: (answered, members) =>
    members === undefined ? `${answered} ${answered === 1 ? 'member answered' : 'members answered'}` : `${answered} of ${members} members answered`,
  answersSaved: 'Your answers are saved. You can still change them.',
  answersHeading: (step) => `Answers to step ${step}`,
  reminderAnswersHeading: (n) => `Answers to reminder ${n}`,
  noAnswers: 'Nobody has answered yet.',
  stepFourChoose: 'Facilitator: after the conversation, pick one of the three outcomes.',
  outcomeBack: (step) => `Open questions: back to step ${step}`,
  backToStep: (step) => `There are open questions. We go back to step ${step}; the open points are listed below.`,
  decisionHeading: 'Go or no go?',
  noTemperature: 'No temperature has been measured yet. First measure how much enthusiasm the team has.',
  pollStillOpen: 'The temperature poll is still open. Close it to take its result into account.',
  startPollButton: 'Measure temperature',
  temperatureLine: (level, voters) => `${level} (${voters} ${voters === 1 ? 'vote' : 'votes'})`,
  go: 'Go',
  nogo: 'No go',
  outcome: { go: 'Go', nogo: 'No go' },
  rationaleLabel: 'Why?',
  rationaleHint: 'Write briefly why you decide this way. It helps whoever reads along later.',
  withWhomLabel: 'Taken with',
  withWhomDefault: 'with the policy team',
  decideButton: 'Record decision',
  decisionRecorded: 'The decision is recorded.',
  decisionLine: (outcome, withWhom, date) => `${outcome}, ${withWhom}, ${date}`,
  tension: {
    traject: 'Traject needed: the team’s enthusiasm and the decision point different ways.',
    aandacht: 'Attention: the team’s enthusiasm is mixed.',
  },
  superseded: 'Superseded by a later decision',
  decisionsHeading: 'Decisions',
  noDecisions: 'No decision has been recorded yet.',
  listHeading: 'Collaborations in this channel',
  listEmpty: 'No collaboration runs in this channel yet. Start one with `start [title]`.',
  listLine: (title, step, temperature, decision) => `*${title}*: ${step} · temperature: ${temperature} · decision: ${decision}`,
  chooseCollab: 'Several collaborations run in this channel. Which one do you mean?',
  chooseButton: 'This one',
  confirmForget: (title) =>
    `Do you really want to forget the collaboration *${title}*? Everything is erased: fields, answers, temperatures, decisions, open points and dossier links. This cannot be undone.`,
  forgetButton: 'Yes, forget everything',
  forgotten: 'This collaboration was forgotten at the facilitator’s request. WerktSamen keeps nothing of it.',
  cancelled: 'Nothing was erased.',
  dossierLink: (url, validMs, filePosted) =>
    `The dossier of this collaboration (just for you; the link works for ${Math.round(validMs / 86_400_000)} days): ${url}` +
    (filePosted ? '\nThe Markdown version is also in the thread.' : ''),
  reminderScheduled: (rhythm, next) => `Agreed: a reminder comes into the thread ${rhythm}. The first one comes ${next}.`,
  reminderNext: (rhythm, next) => `Reminders come ${rhythm}. The next one comes ${next}. Stop them with \`reminder stop\`.`,
  reminderStopped: 'The scheduled reminders have stopped. You can still post one yourself with `reminder`.',
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  everyWeek: (weekday, time) => `every ${weekday} at ${time}`,
  everyTwoWeeks: (weekday, time) => `every other ${weekday} at ${time}`,
  dossierOffer: 'The dossier gathers the fields, answers, temperatures, decisions and open points. Get your own private link with the button.',
  dossierButton: 'My dossier link',
  openDossier: 'Open dossier',
  started: 'The collaboration has started.',
  notStarted: 'This collaboration could not start: WerktSamen could not save it. Start it again with `start`.',
  rootSaved: 'The collaboration is updated.',
  viaStep4: 'Decided in step 4: the proposal does not work out.',
  stoppedNote: 'This collaboration stopped after step 4. Its answers can still be read in the dossier.',
  required: 'Please fill this in.',
  tooLong: (max) => `That is too long: at most ${max} characters.`,
  dateFormat: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' },
};

const catalog: Record<Locale, CollabMessages> = { nl, en };

/** The collaboration texts for a locale. */
export function collabMessages(locale: Locale): CollabMessages {
  return catalog[locale];
}

/** A date as people read it in the locale (day month year, Brussels time). */
export function formatDate(locale: Locale, at: number): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-BE' : 'en-GB', catalog[locale].dateFormat).format(at);
}
