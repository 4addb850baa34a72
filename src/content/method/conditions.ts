import type { z } from 'zod';
import type { Locale } from '../../domain/poll.js';
import { CONDITION_IDS, ConditionSchema, parseLocalized, requireIds, type Condition, type ConditionId } from './schemas.js';

type Source = z.input<typeof ConditionSchema>;

/** The five conditions of seed 003 (Kaats & Opheij) in Dutch. */
const nl: Source[] = [
  {
    id: 'ambitie',
    title: 'Ambitie',
    description:
      'Er is een gedeelde ambitie die ertoe doet. Elke partner herkent er zich in en ziet de winst ervan voor de eigen organisatie en achterban.',
    discussion: 'Wat willen we samen bereiken dat elk van ons apart niet lukt, en herkent iedereen zich daarin?',
  },
  {
    id: 'belangen',
    title: 'Belangen',
    description:
      'Iedereen heeft belangen: persoonlijke, van de eigen organisatie en maatschappelijke. Ze liggen op tafel en de samenwerking doet ze recht.',
    discussion: 'Welk belang van een partner komt nu te weinig aan bod, en hoe kunnen we daar rekening mee houden?',
  },
  {
    id: 'relatie',
    title: 'Relatie',
    description:
      'Samenwerken is mensenwerk. Er is vertrouwen tussen de mensen aan tafel, en jullie hebben oog voor hoe de groep met elkaar omgaat.',
    discussion: 'Wat hebben we nodig om elkaar meer te vertrouwen, en wat zeggen we nu liever niet hardop?',
  },
  {
    id: 'organisatie',
    title: 'Organisatie',
    description:
      'De samenwerking is goed georganiseerd, in een vorm die past bij de ambitie en zo licht als mogelijk blijft, zodat er ruimte is om bij te sturen.',
    discussion: 'Past de manier waarop we ons organiseren bij wat we willen bereiken, of is ze te zwaar of te los?',
  },
  {
    id: 'proces',
    title: 'Proces',
    description:
      'Jullie doen de juiste dingen op het juiste moment, komen op een goede manier tot afspraken, en het is duidelijk wie het proces in handen heeft.',
    discussion: 'Wie bewaakt ons proces, en wat moet er als volgende stap gebeuren voor we verder kunnen?',
  },
];

/** The five conditions in English, twin of the Dutch list. */
const en: Source[] = [
  {
    id: 'ambitie',
    title: 'Ambition',
    description:
      'There is a shared ambition that matters. Every partner recognises itself in it and sees the gain for its own organisation and constituency.',
    discussion: 'What do we want to achieve together that none of us can alone, and does everyone recognise themselves in it?',
  },
  {
    id: 'belangen',
    title: 'Interests',
    description:
      'Everyone has interests: personal ones, those of their organisation and societal ones. They are on the table and the collaboration does them justice.',
    discussion: 'Which interest of a partner is getting too little attention now, and how can we take it into account?',
  },
  {
    id: 'relatie',
    title: 'Relationship',
    description:
      'Collaboration is people’s work. There is trust between the people at the table, and you pay attention to how the group works together.',
    discussion: 'What do we need to trust each other more, and what are we currently keeping to ourselves?',
  },
  {
    id: 'organisatie',
    title: 'Organisation',
    description:
      'The collaboration is well organised, in a form that fits the ambition and stays as light as possible, so there is room to adjust.',
    discussion: 'Does the way we organise ourselves fit what we want to achieve, or is it too heavy or too loose?',
  },
  {
    id: 'proces',
    title: 'Process',
    description:
      'You do the right things at the right moment, reach agreements in a good way, and it is clear who is in charge of the process.',
    discussion: 'Who looks after our process, and what has to happen next before we can move on?',
  },
];

const parsed = parseLocalized('conditions', ConditionSchema, { nl, en });
requireIds('conditions.nl', parsed.nl, CONDITION_IDS);

/** The five conditions of seed 003 in a fixed order: ambitie, belangen, relatie, organisatie, proces. */
export function conditions(locale: Locale): readonly Condition[] {
  return parsed[locale];
}

/** One condition by id. */
export function condition(locale: Locale, id: ConditionId): Condition {
  const entry = parsed[locale].find((c) => c.id === id);
  if (!entry) throw new Error(`No condition ${id}`);
  return entry;
}
