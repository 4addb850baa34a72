import type { StepText } from '../step-schema.js';

/** The four step cards in Dutch; validated when steps.ts loads. */
export const stepsNl: StepText[] = [
    {
      step: 1,
      title: 'Stap 1 · Verken het idee',
      intro:
        'Als idee-opvolger verken je het idee, eerst zelf en dan met mogelijke partners. Jullie antwoorden vullen samen de infofiche.',
      facts: [],
      questions: [
        {
          id: 'waarom',
          label: 'Waarom samenwerken?',
          hint: 'Op welke maatschappelijke uitdaging speelt het idee in? Wat vertellen recente inzichten en cijfers over die uitdaging, en over wat ertegen helpt?',
        },
        {
          id: 'doelen',
          label: 'Wat zijn de doelen?',
          hint: 'Wat wil je met dit idee bereiken, vertrekkend van die uitdaging? Zijn de doelen helder, en kun je ze echt halen?',
        },
        {
          id: 'hoe',
          label: 'Hoe samenwerken?',
          hint: 'Hoe raak je aan je doel? Welke puzzelstukken breng je samen: expertise, mensen, activiteiten of diensten, middelen? Binnen welk financieel kader?',
        },
        {
          id: 'met_wie',
          label: 'Met wie samenwerken?',
          hint: 'Welke partners heb je nodig voor die puzzelstukken? Wie zit al mee aan tafel? Wat kan en wil elke partner inbrengen?',
        },
      ],
    },
    {
      step: 2,
      title: 'Stap 2 · Check intern',
      intro:
        'Bereid de interne checks voor met de ondersteunende diensten en bespreek ze daarna met je eigen team en het beleidsteam. Je houdt er opvolgpunten en noodzakelijke voorwaarden aan over.',
      facts: [
        { title: 'Doel', text: 'Samen bereiken jullie meer dan elke partner op eigen houtje kan.' },
        { title: 'Differentiatie', text: 'Alle partners die nodig zijn doen mee, en geen enkele partner is overbodig.' },
        { title: 'Integratie', text: 'Het blijft niet bij overleggen: jullie werken echt samen.' },
        {
          title: 'Coördinatie',
          text: 'Jullie spreken af wie coördineert: samen, één netwerkleider of een externe coördinator.',
        },
      ],
      questions: [
        {
          id: 'drijfveer',
          label: 'Drijfveercheck: past het idee bij onze organisatie?',
          hint: 'Sluit het aan bij onze missie, visie en opdracht? Brengt het financieel iets op, draait het break-even, of is het een investering?',
        },
        {
          id: 'expertise',
          label: 'Expertisecheck: hebben we de nodige expertise in huis?',
          hint: 'Is de expertise er, en hebben die mensen ook tijd? Hoe houd je het werk boeiend voor ervaren collega’s? Hoe begeleid je nieuwe collega’s?',
        },
        {
          id: 'samenwerk',
          label: 'Samenwerkcheck: wordt dit echt samenwerken?',
          hint: 'Delen de partners doelen die verder reiken dan elk apart? Zitten alle nodige partners mee aan tafel, en geen overbodige? Zijn alle puzzelstukken gevonden en verbonden? Zijn de partners gelijkwaardig? Zit de sfeer in de gesprekken goed?',
        },
        {
          id: 'opvolgpunten',
          label: 'Welke opvolgpunten zijn er?',
          hint: 'Wat moet nog uitgezocht of geregeld worden voor je verder kunt? Zet één punt per regel.',
          items: 'opvolgpunt',
        },
        {
          id: 'voorwaarden',
          label: 'Aan welke noodzakelijke voorwaarden moet voldaan zijn?',
          hint: 'Wat moet in orde zijn voor jullie een goede beslissing kunnen nemen? Zet één punt per regel.',
          items: 'voorwaarde',
        },
      ],
    },
    {
      step: 3,
      title: 'Stap 3 · Concretiseer met externe partners',
      intro:
        'Met de externe partners leg je de puzzel: jullie maken het ‘hoe’ concreet en maken afspraken. Duiken er nieuwe opvolgpunten op, ga dan gerust terug naar stap 1.',
      facts: [
        {
          title: 'Niet te veel vastleggen',
          text: 'Goed organiseren is niet alles vooraf afspreken. Wie te veel vastlegt, neemt mensen hun autonomie en hun werkplezier af.',
        },
        {
          title: 'De puzzelstukken',
          text: 'Expertise, mensen, activiteiten of diensten, middelen: breng samen wat nodig is om het doel te bereiken.',
        },
      ],
      questions: [
        {
          id: 'bundelen',
          label: 'Welke activiteiten horen samen in één bundel?',
          hint: 'Bundel activiteiten die samenhangen en geef elke bundel zoveel mogelijk beslissingsruimte, zodat partners of teams zichzelf kunnen sturen.',
        },
        {
          id: 'afstemming',
          label: 'Hoe werken de bundels samen?',
          hint: 'Wie heeft wat van wie nodig, en wanneer? Spreek af hoe de bundels samenwerken en op elkaar afstemmen.',
        },
        {
          id: 'ondersteuning',
          label: 'Welke overkoepelende ondersteuning is echt nodig?',
          hint: 'Welke coördinatie en ondersteuning over de bundels heen heb je nodig? Leg alleen vast wat nodig is, niet meer.',
        },
        {
          id: 'procesindicatoren',
          label: 'Aan welke procesindicatoren zie je dat het goed loopt?',
          hint: 'Kies betekenisvolle indicatoren voor hoe jullie samenwerken: voor de samenwerking als geheel en voor elke partner apart.',
        },
        {
          id: 'resultaatsindicatoren',
          label: 'Aan welke resultaatsindicatoren zie je dat het werkt?',
          hint: 'Kies betekenisvolle indicatoren voor wat de samenwerking oplevert: voor het geheel en per partner. Liever weinig en zinvol dan veel.',
        },
      ],
    },
    {
      step: 4,
      title: 'Stap 4 · Beslis samen met collega’s',
      intro:
        'Overloop de opvolgpunten en noodzakelijke voorwaarden met je aanspreekpunt bij de ondersteunende diensten. Daarna beslissen jullie samen.',
      facts: [
        {
          title: 'Hoe het verder gaat',
          text: 'De facilitator kiest een van de drie uitkomsten. Daarna meten jullie de temperatuur in het team en beslissen jullie met het beleidsteam: go of no go.',
        },
      ],
      questions: [
        {
          id: 'opvolgpunten_check',
          label: 'Zijn alle opvolgpunten afgehandeld?',
          hint: 'Loop elk opvolgpunt na met de ondersteunende diensten. Wat is geregeld, en wat ligt nog open?',
        },
        {
          id: 'voorwaarden_check',
          label: 'Is aan de noodzakelijke voorwaarden voldaan?',
          hint: 'Toets elke noodzakelijke voorwaarde samen met de ondersteunende diensten. Waar wringt het nog?',
        },
      ],
    },
  ];
