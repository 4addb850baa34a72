/**
 * Deterministic, realistic answers for the step-card run: what a member of a school or welfare
 * team would type into a step's questions. Prose answers are 150-400 characters; the "items"
 * questions (one point per line, they become open items on the root card) get 3-6 lines drawn
 * from a shared pool, so members name overlapping points as real teams do.
 * The question ids come from the product's own step texts, so a renamed question cannot drift.
 */
import { stepText } from '../src/content/steps.js';
import type { Step } from '../src/domain/collaboration.js';

const PROSE = [
  'Het idee past goed bij onze opdracht om kinderen en jongeren uit de buurt sterker te maken.',
  'We merken al een paar jaar dat ouders de weg naar de bibliotheek en de buurtwerking niet vinden.',
  'Financieel is het voor ons een investering, maar met de projectsubsidie van de stad draait het break-even.',
  'Twee collega’s hebben ervaring met huiswerkbegeleiding; zij willen graag nieuwe vrijwilligers inwerken.',
  'De tijd van het team is wel krap in het voorjaar, dus we zouden pas na de paasvakantie kunnen starten.',
  'Samen met de school en het OCMW bereiken we gezinnen die we apart nooit zouden zien.',
  'Belangrijk is dat elke partner een eigen rol heeft en dat we niet alleen maar vergaderen.',
  'De sfeer in de eerste gesprekken was open en iedereen durfde te zeggen wat niet haalbaar is.',
  'Wij kunnen de zaal op woensdagnamiddag gratis ter beschikking stellen, inclusief de laptops.',
  'We willen na elk trimester kort evalueren met de kinderen, de ouders en de vrijwilligers samen.',
  'Een externe coördinator lijkt ons niet nodig als de netwerkleider daar uren voor krijgt.',
  'Voor nieuwe collega’s voorzien we een peter of meter en een korte opleiding bij de start.',
  'We meten het aantal deelnemers, maar ook of de kinderen zich beter voelen op school.',
  'Het zou helpen als de partners één gezamenlijke folder en één aanmeldformulier gebruiken.',
  'Onze directie staat achter het idee, op voorwaarde dat het bestaande aanbod niet inkrimpt.',
  'Misschien kunnen we ook de jeugdbeweging betrekken voor de activiteiten tijdens de vakantie.',
];

const ITEMS = [
  'Budget vastleggen met de directie vóór eind maart',
  'Zaal en materiaal reserveren voor het hele schooljaar',
  'Afspraken maken over de privacy van de gegevens van de gezinnen',
  'Nagaan of de vrijwilligers verzekerd zijn tijdens de activiteiten',
  'Een netwerkleider aanduiden en uren voorzien in de planning',
  'Akkoord van de raad van bestuur van elke partner',
  'Een gezamenlijk aanmeldformulier en één contactpersoon',
  'Vervoer regelen voor kinderen die verder wonen',
  'Een evaluatiemoment na het eerste trimester inplannen',
  'Afstemmen met het CLB over de doorverwijzing',
  'Minstens drie vrijwilligers die elke week kunnen komen',
  'Een tolk of brugfiguur voor ouders die weinig Nederlands spreken',
];

/** Question ids of a step, and whether each is an items question (one point per line). */
function questionsOf(step: Step): { id: string; items: boolean }[] {
  return stepText('nl', step).questions.map((q) => ({ id: q.id, items: Boolean(q.items) }));
}

/** A prose answer of 150-400 characters: whole sentences, cut at a word only when one sentence would not fit. */
function prose(member: number, q: number, step: Step): string {
  const target = 150 + ((member * 37 + q * 53 + step * 11) % 251);
  let text = '';
  for (let k = 0; text.length < target; k++) {
    const next = `${text ? `${text} ` : ''}${PROSE[(member * 7 + q * 3 + step + k) % PROSE.length]}`;
    if (next.length > 400 && text.length >= 150) break;
    text = next.length > 400 ? next.slice(0, next.lastIndexOf(' ', 400)) : next;
  }
  return text;
}

/** Points, one per line, as members type them (some with a dash): 150-400 characters in all. */
function itemLines(member: number, q: number): string {
  const target = 150 + ((member * 29 + q * 17) % 151);
  const lines: string[] = [];
  for (let k = 0; lines.join('\n').length < target && k < ITEMS.length; k++) lines.push(`${k % 2 ? '- ' : ''}${ITEMS[(member * 5 + q * 2 + k * 5) % ITEMS.length]}`);
  return lines.join('\n');
}

/** Member `member`'s answers to every question of `step`, keyed by question id. */
export function answersFor(step: Step, member: number): Record<string, string> {
  return Object.fromEntries(questionsOf(step).map((q, i) => [q.id, q.items ? itemLines(member, i) : prose(member, i, step)]));
}
