import type { z } from 'zod';
import type { ReminderSchema } from './schemas.js';

/** The ten reminders of seed 003 in Dutch: fixed titles, our own explanation and questions. */
export const remindersNl: z.input<typeof ReminderSchema>[] = [
  {
    id: 'r1',
    number: 1,
    title: 'Start bij jezelf',
    explanation:
      'Samenwerken begint niet bij de ander, maar bij wat jij en je organisatie willen en kunnen. Wie zijn eigen drijfveren en grenzen kent, zit helderder aan tafel.',
    questions: [
      { id: 'q1', label: 'Wat wil jij zelf echt bereiken met deze samenwerking?' },
      { id: 'q2', label: 'Wat heeft je organisatie nodig om mee te stappen, en waar ligt haar grens?' },
      { id: 'q3', label: 'Welke gewoonte van jezelf kan de samenwerking in de weg zitten?' },
    ],
  },
  {
    id: 'r2',
    number: 2,
    title: 'Blijf balanceren',
    explanation:
      'Samenwerken is zoeken naar evenwicht: tussen eigen en gedeeld belang, tussen tempo en draagvlak, tussen houvast en ruimte. Dat evenwicht vind je nooit voorgoed, je zoekt het telkens opnieuw.',
    questions: [
      { id: 'q1', label: 'Naar welke kant helt onze samenwerking nu te sterk over?' },
      { id: 'q2', label: 'Welke partner geeft op dit moment meer dan hij terugkrijgt?' },
      { id: 'q3', label: 'Welke kleine bijsturing brengt ons weer in evenwicht?' },
    ],
  },
  {
    id: 'r3',
    number: 3,
    title: 'Dubbele loyaliteit is realiteit',
    explanation:
      'Wie aan deze tafel zit, vertegenwoordigt ook een eigen organisatie met eigen verwachtingen. Die dubbele pet is normaal. Lastig wordt het pas als je erover zwijgt.',
    questions: [
      { id: 'q1', label: 'Wanneer voel jij spanning tussen je eigen organisatie en deze samenwerking?' },
      { id: 'q2', label: 'Wat weet je achterban over wat hier beslist wordt, en wat nog niet?' },
      { id: 'q3', label: 'Hoe helpen we elkaar om open te zijn over die dubbele pet?' },
    ],
  },
  {
    id: 'r4',
    number: 4,
    title: 'Ga verder dan jubeltaal',
    explanation:
      'Mooie woorden over samen sterker staan maken nog geen samenwerking. Maak concreet wat je wilt bereiken, wat het van elk vraagt en waar het kan schuren.',
    questions: [
      { id: 'q1', label: 'Welke zin in onze plannen klinkt goed maar zegt eigenlijk weinig?' },
      { id: 'q2', label: 'Wat is er over een jaar concreet anders als dit lukt?' },
      { id: 'q3', label: 'Welk moeilijk punt hebben we tot nu toe netjes vermeden?' },
    ],
  },
  {
    id: 'r5',
    number: 5,
    title: 'Iedereen kan iets brengen',
    explanation:
      'Elke partner heeft iets te bieden, ook wie klein is of pas aanschuift. Wie die bijdragen ziet en benut, maakt de samenwerking rijker en gelijkwaardiger.',
    questions: [
      { id: 'q1', label: 'Wat brengt elke partner mee dat de anderen niet hebben?' },
      { id: 'q2', label: 'Wiens bijdrage zien we op dit moment over het hoofd?' },
      { id: 'q3', label: 'Wat wil jij hier komen halen, naast wat je brengt?' },
    ],
  },
  {
    id: 'r6',
    number: 6,
    title: 'Organiseer het vierkant',
    explanation:
      'Een samenwerking draait niet alleen op leidinggevenden die elkaar vinden. Ook de mensen die het werk doen moeten elkaar kennen, en in elke organisatie moeten top en werkvloer verbonden blijven. Zorg dat alle vier de zijden van dat vierkant werken.',
    questions: [
      { id: 'q1', label: 'Kennen de mensen die het werk doen elkaar al, over de organisaties heen?' },
      { id: 'q2', label: 'Weten je collega’s in je eigen organisatie wat hier afgesproken wordt?' },
      { id: 'q3', label: 'Welke zijde van het vierkant is nu het zwakst, en wat doen we eraan?' },
    ],
  },
  {
    id: 'r7',
    number: 7,
    title: 'Een goed proces biedt houvast',
    explanation:
      'Ook als de inhoud nog niet helder is, geeft een goed proces richting: wie doet wat, wanneer beslissen we, hoe praten we met elkaar. Dat geeft rust en vertrouwen, zeker als het spannend wordt.',
    questions: [
      { id: 'q1', label: 'Weet iedereen wat de volgende stap is en wanneer we beslissen?' },
      { id: 'q2', label: 'Wie houdt het proces in handen, en is dat voor iedereen duidelijk?' },
      { id: 'q3', label: 'Welk moment in ons proces verdient meer tijd of aandacht?' },
    ],
  },
  {
    id: 'r8',
    number: 8,
    title: 'Bouw de juiste gesprekstafel',
    explanation:
      'Wie aan tafel zit, bepaalt mee wat er mogelijk is. Zorg dat de mensen die nodig zijn er zitten, met het juiste mandaat, en maak de tafel niet groter dan nodig.',
    questions: [
      { id: 'q1', label: 'Wie ontbreekt er nu aan tafel?' },
      { id: 'q2', label: 'Wie zit er aan tafel zonder dat het echt nodig is?' },
      { id: 'q3', label: 'Mag iedereen aan tafel beslissen, of moet je eerst terugkoppelen naar huis?' },
    ],
  },
  {
    id: 'r9',
    number: 9,
    title: 'Blijf onbevangen',
    explanation:
      'Na een tijd kijk je naar partners door de bril van oude ervaringen en vaste beelden. Blijf nieuwsgierig en stel vragen, in plaats van te denken dat je het antwoord al kent.',
    questions: [
      { id: 'q1', label: 'Welk beeld van een partner mag je eens in vraag stellen?' },
      { id: 'q2', label: 'Wanneer werd je hier voor het laatst echt verrast door iemand?' },
      { id: 'q3', label: 'Welke vraag durven we elkaar nog niet te stellen?' },
    ],
  },
  {
    id: 'r10',
    number: 10,
    title: 'Wees druk met rust',
    explanation:
      'Vertrouwen groeit niet op bevel, en niet alles moet vandaag opgelost zijn. Maak bewust tijd om stil te staan, terug te blikken en op adem te komen: ook dat is werken aan de samenwerking.',
    questions: [
      { id: 'q1', label: 'Waar willen we nu te snel gaan?' },
      { id: 'q2', label: 'Wanneer nemen we samen de tijd om terug te blikken?' },
      { id: 'q3', label: 'Wat mag even blijven liggen zonder dat het kwaad kan?' },
    ],
  },
];
