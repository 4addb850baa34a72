import type { ErrorCode } from '../domain/errors.js';
import type { Locale, Temperature } from '../domain/poll.js';

type PlainErrorCode = Exclude<ErrorCode, 'unexpected'>;

/** Every sentence a user sees, in Dutch (default) and English. Handlers never hold inline text. */
export interface Messages {
  defaultQuestion: string;
  temperature: Record<Temperature, string>;
  optionButton: Record<Temperature, string>;
  closeButton: string;
  pollTitle: string;
  anonymousNote: string;
  namedNote: string;
  hiddenNote: string;
  voters: (n: number) => string;
  closedTitle: string;
  closedByExpiry: (days: number) => string;
  prevailing: (label: string) => string;
  noVotes: string;
  tieRule: string;
  yourVote: (label: string) => string;
  pollNotStarted: string;
  startNeedsTitle: string;
  welcome: string;
  help: string;
  unknownCommand: (command: string) => string;
  errors: Record<PlainErrorCode, string>;
  unexpected: (reference: string) => string;
}

const nl: Messages = {
  defaultQuestion: 'Hoeveel enthousiasme is er in ons team voor deze samenwerking?',
  temperature: { veel: 'Veel enthousiasme', gemixt: 'Gemixt enthousiasme', weinig: 'Weinig enthousiasme' },
  optionButton: { veel: 'Veel enthousiasme', gemixt: 'Gemixt enthousiasme', weinig: 'Weinig enthousiasme' },
  closeButton: 'Peiling sluiten',
  pollTitle: 'Temperatuurmeting',
  anonymousNote: 'Anoniem: niemand ziet wie wat koos.',
  namedNote: 'Met namen: iedereen ziet wie wat koos.',
  hiddenNote: 'Verborgen: de resultaten verschijnen pas als de peiling sluit.',
  voters: (n) => (n === 1 ? '1 stem' : `${n} stemmen`),
  closedTitle: 'Temperatuurmeting afgesloten',
  closedByExpiry: (days) => `Automatisch gesloten: een peiling blijft hoogstens ${days} dagen open.`,
  prevailing: (label) => `Temperatuur van het team: ${label}`,
  noVotes: 'Er is niet gestemd.',
  tieRule: 'Bij gelijke stand geldt de temperatuur als gemixt.',
  yourVote: (label) => `Jouw stem: ${label}. Je kunt je keuze nog wijzigen.`,
  pollNotStarted: 'Deze peiling kon niet starten: WerktSamen kon ze niet bewaren. Open een nieuwe peiling.',
  startNeedsTitle: 'Geef de samenwerking een titel, bijvoorbeeld `start Huiswerkklas met de bib`.',
  welcome:
    'Hallo, ik ben *WerktSamen*. Ik help jullie samen beslissen over een samenwerking. Begin met `start [titel]` voor een nieuw samenwerkingsidee, of meet meteen het enthousiasme met `poll`. `help` toont alle commando\'s.',
  help: [
    '*WerktSamen* helpt jullie samen beslissen over een samenwerking.',
    '`start [titel]` begint een samenwerking: een kaart met een eigen draad, waarin alles verder gebeurt.',
    '`overzicht` toont de samenwerkingen in dit kanaal, met stap, temperatuur en beslissing.',
    '`stap 1` tot `stap 4` zet de kaart van die stap in de draad; iedereen antwoordt op de kaart.',
    '`reminder` zet de volgende van de tien reminders in de draad (`reminder 4`: die ene); iedereen antwoordt op de kaart.',
    '`reminder elke maandag 9:00` (of `elke 2 weken`) zet ze voortaan zelf in de draad; `reminder stop` stopt dat. `tijdzone Europe/Amsterdam` zet de tijdzone (standaard Europe/Brussels).',
    '`voorwaarden` laat iedereen de vijf voorwaarden voor succes scoren; `vorm` plaatst de samenwerking op de lijn overleg – fusie en toetst het issue (TAAK, IK, WIJ).',
    '`partners` houdt de partners bij (mandaat, rol, officiële gegevens); `afspraken` de afspraken per thema; `interne partners` de diensten die je betrekt.',
    '`externen` zet het stappenplan voor een school met een externe organisatie in de draad; `register [naam]` zoekt evaluaties van een organisatie in je werkruimte.',
    '`opvolg <wat> @persoon <wanneer>` noteert een opvolgpunt (bv. `opvolg Offerte opvragen @An vrijdag`); de eigenaar krijgt twee werkdagen vooraf en op de dag zelf om 9:00 een persoonlijk bericht. `opvolgpunten` toont de open punten; `mijn` toont je eigen opvolgpunten en samenwerkingen (Slack: ook op het tabblad Start van de app).',
    '`besluit` zet de beslissingskaart (go of no go) in de draad; `besluiten` toont alle beslissingen.',
    '`dossier` geeft je een privélink naar het dossier van de samenwerking (ook als Markdown en JSON).',
    '`vergeet` wist de hele samenwerking, na bevestiging (alleen de facilitator). Velden en mensen pas je aan met *Bewerken* op de kaart.',
    'In de draad van een samenwerking (met `@WerktSamen`) gelden de commando\'s voor die samenwerking.',
    '`poll [vraag]` opent een anonieme temperatuurmeting (veel, gemixt of weinig enthousiasme).',
    '`poll --verborgen [vraag]` toont de resultaten pas als de peiling sluit (goed voor kleine groepen).',
    '`poll --met-namen [vraag]` opent een meting waarin iedereen ziet wie wat koos.',
    '`help` of `hulp` toont dit overzicht.',
    'Alleen wie de peiling opende kan ze sluiten. Je kunt je stem wijzigen zolang de peiling open is.',
  ].join('\n'),
  unknownCommand: (command) => `Dat commando ken ik niet: "${command}". Typ \`help\` voor een overzicht.`,
  errors: {
    poll_not_found: 'Deze peiling bestaat niet meer.',
    poll_closed: 'Deze peiling is al gesloten; stemmen kan niet meer.',
    not_facilitator: 'Alleen wie de peiling opende kan ze sluiten. Er is niets veranderd.',
    invalid_input: 'Dat verzoek kon ik niet lezen. Er is niets veranderd.',
    collab_not_found: 'Deze samenwerking bestaat niet meer. Er is niets veranderd.',
    no_collab: 'Hier loopt nog geen samenwerking. Begin er een met `start [titel]`, of gebruik het commando in de draad van een samenwerking.',
    not_coordinator: 'Alleen de facilitator en de coördinatoren van deze samenwerking kunnen dit doen. Er is niets veranderd.',
    not_collab_facilitator: 'Alleen de facilitator van deze samenwerking kan dit doen. Er is niets veranderd.',
    collab_stopped: 'Deze samenwerking is gestopt na stap 4. Er is niets veranderd.',
    collab_starting: 'Deze samenwerking start nog. Probeer het over een ogenblik opnieuw.',
    store_unavailable: 'WerktSamen is even niet beschikbaar, probeer opnieuw over een ogenblik.',
    bot_not_in_channel: 'WerktSamen kan hier nog niet posten. Nodig de bot eerst uit met `/invite @WerktSamen` en probeer opnieuw.',
    app_not_authorized: 'WerktSamen heeft hier geen toegang meer. Vraag een beheerder om de app opnieuw toe te voegen.',
    rate_limited: 'Het is even heel druk. Probeer opnieuw over een ogenblik.',
    card_gone: 'Het bericht van deze peiling bestaat niet meer.',
    wrong_workspace: 'Deze WerktSamen hoort bij een andere werkruimte. Er is niets veranderd.',
    person_unreachable: 'WerktSamen kan deze persoon geen persoonlijk bericht sturen.',
    follow_up_not_found: 'Dit opvolgpunt bestaat niet meer. Er is niets veranderd.',
    not_follow_up_owner: 'Alleen wie dit opvolgpunt opneemt of toevoegde, de facilitator of een coördinator kan het aanpassen. Er is niets veranderd.',
  },
  unexpected: (reference) => `Er ging iets mis (referentie ${reference}). Probeer opnieuw; blijft het misgaan, geef de referentie door aan je beheerder.`,
};

const en: Messages = {
  defaultQuestion: 'How much enthusiasm does our team have for this collaboration?',
  temperature: { veel: 'Much enthusiasm', gemixt: 'Mixed enthusiasm', weinig: 'Little enthusiasm' },
  optionButton: { veel: 'Much enthusiasm', gemixt: 'Mixed enthusiasm', weinig: 'Little enthusiasm' },
  closeButton: 'Close poll',
  pollTitle: 'Team temperature',
  anonymousNote: 'Anonymous: nobody sees who chose what.',
  namedNote: 'Named: everyone sees who chose what.',
  hiddenNote: 'Hidden: the results appear only when the poll closes.',
  voters: (n) => (n === 1 ? '1 vote' : `${n} votes`),
  closedTitle: 'Team temperature closed',
  closedByExpiry: (days) => `Closed automatically: a poll stays open for at most ${days} days.`,
  prevailing: (label) => `Team temperature: ${label}`,
  noVotes: 'Nobody voted.',
  tieRule: 'On a tie the temperature counts as mixed.',
  yourVote: (label) => `Your vote: ${label}. You can still change it.`,
  pollNotStarted: 'This poll could not start: WerktSamen could not save it. Please open a new poll.',
  startNeedsTitle: 'Give the collaboration a title, for example `start Homework club with the library`.',
  welcome:
    'Hello, I am *WerktSamen*. I help you decide on a collaboration together. Begin with `start [title]` for a new collaboration idea, or measure the enthusiasm right away with `poll`. `help` lists every command.',
  help: [
    '*WerktSamen* helps your team decide on a collaboration together.',
    '`start [title]` starts a collaboration: a card with its own thread, where everything else happens.',
    '`list` shows the collaborations in this channel, with step, temperature and decision.',
    '`step 1` to `step 4` posts that step\'s card in the thread; everyone answers on the card.',
    '`reminder` posts the next of the ten reminders in the thread (`reminder 4`: that one); everyone answers on the card.',
    '`reminder every monday 9:00` (or `every 2 weeks`) posts them on a schedule from then on; `reminder stop` stops it. `timezone Europe/Amsterdam` sets the time zone (Europe/Brussels by default).',
    '`conditions` lets everyone score the five conditions for success; `form` places the collaboration on the line consultation – merger and tests the issue (TASK, ME, WE).',
    '`partners` keeps the partners (mandate, role, official data); `agreements` the agreements per theme; `internal partners` the services you involve.',
    '`externals` posts the step plan for a school working with an external organisation; `register [name]` finds evaluations of an organisation in your workspace.',
    '`followup <what> @person <when>` notes a follow-up (e.g. `followup Ask for a quote @An friday`); its owner gets a personal message at 9:00 two working days before and on the day itself. `followups` lists the open ones; `mine` shows your own follow-ups and collaborations (Slack: also on the app’s Home tab).',
    '`decide` posts the decision card (go or no go) in the thread; `decisions` lists all decisions.',
    '`dossier` gives you a private link to the collaboration\'s dossier (also as Markdown and JSON).',
    '`forget` erases the whole collaboration after a confirmation (facilitator only). Change fields and people with *Edit* on the card.',
    'In a collaboration\'s thread (with `@WerktSamen`), commands apply to that collaboration.',
    '`poll [question]` opens an anonymous temperature poll (much, mixed or little enthusiasm).',
    '`poll --hidden [question]` shows the results only when the poll closes (good for small groups).',
    '`poll --named [question]` opens a poll in which everyone sees who chose what.',
    '`help` shows this overview.',
    'Only the person who opened a poll can close it. You can change your vote while the poll is open.',
  ].join('\n'),
  unknownCommand: (command) => `I do not know the command "${command}". Type \`help\` for an overview.`,
  errors: {
    poll_not_found: 'This poll no longer exists.',
    poll_closed: 'This poll is already closed; voting is no longer possible.',
    not_facilitator: 'Only the person who opened the poll can close it. Nothing has changed.',
    invalid_input: 'I could not read that request. Nothing has changed.',
    collab_not_found: 'This collaboration no longer exists. Nothing has changed.',
    no_collab: 'No collaboration runs here yet. Start one with `start [title]`, or use the command in a collaboration’s thread.',
    not_coordinator: 'Only the facilitator and the coordinators of this collaboration can do this. Nothing has changed.',
    not_collab_facilitator: 'Only the facilitator of this collaboration can do this. Nothing has changed.',
    collab_stopped: 'This collaboration stopped after step 4. Nothing has changed.',
    collab_starting: 'This collaboration is still starting. Please try again in a moment.',
    store_unavailable: 'WerktSamen is briefly unavailable, please try again in a moment.',
    bot_not_in_channel: 'WerktSamen cannot post here yet. Invite the bot first with `/invite @WerktSamen` and try again.',
    app_not_authorized: 'WerktSamen no longer has access here. Ask an administrator to add the app again.',
    rate_limited: 'It is very busy right now. Please try again in a moment.',
    card_gone: 'The message of this poll no longer exists.',
    wrong_workspace: 'This WerktSamen belongs to another workspace. Nothing has changed.',
    person_unreachable: 'WerktSamen cannot send this person a personal message.',
    follow_up_not_found: 'This follow-up no longer exists. Nothing has changed.',
    not_follow_up_owner: 'Only the owner of this follow-up, whoever added it, the facilitator or a coordinator can change it. Nothing has changed.',
  },
  unexpected: (reference) => `Something went wrong (reference ${reference}). Please try again; if it keeps failing, give the reference to your administrator.`,
};

const catalog: Record<Locale, Messages> = { nl, en };

/** The messages for a locale. */
export function messages(locale: Locale): Messages {
  return catalog[locale];
}

/** The private message for an error code; `unexpected` carries the reference that is also in the log. */
export function errorMessage(locale: Locale, code: ErrorCode, reference?: string): string {
  const m = catalog[locale];
  return code === 'unexpected' ? m.unexpected(reference ?? '-') : m.errors[code];
}

/**
 * Maps a platform locale tag (`en-US`, `nl-BE`, `en`) to a supported locale.
 * English only when the tag says English; everything else gets Dutch, the product's first language.
 */
export function toLocale(tag: string | undefined | null): Locale {
  return typeof tag === 'string' && /^en\b/i.test(tag.trim()) ? 'en' : 'nl';
}
