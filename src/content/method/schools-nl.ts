import type { SchoolSource } from './source-types.js';

/** Seed 004 in Dutch: the six-step plan for schools working with an external organisation. */
export const schoolsNl: SchoolSource = {
  steps: [
    {
      id: 's1',
      title: 'Informeer je over de externe organisatie',
      points: [
        { id: 'visie', label: 'Past de (pedagogische) visie van de organisatie bij die van je school? Op welke bronnen steunt ze?' },
        { id: 'achtergrond', label: 'Uit welke hoek komt de organisatie, en hangt ze onder een koepel?' },
        { id: 'partners', label: 'Met wie werkt de organisatie samen? Is ze door de overheid erkend of gesubsidieerd?' },
        { id: 'leeftijd', label: 'Sluit het aanbod aan bij de leeftijd en de leefwereld van je leerlingen?' },
        { id: 'curriculum', label: 'Past het aanbod in je curriculum, met links naar eindtermen, ontwikkelingsdoelen of leerplandoelen?' },
        { id: 'ervaring', label: 'Heeft de organisatie al ervaring in scholen, en vertelt ze daar open over?' },
        { id: 'onderbouwing', label: 'Op welke visie en methode steunt het aanbod, en is die wetenschappelijk onderbouwd?' },
        { id: 'kennis_attitudes', label: 'Werkt het aanbod aan kennis, maar ook aan vaardigheden en attitudes?' },
        { id: 'veiligheid', label: 'Hoe zorgt de organisatie voor veiligheid en vertrouwen, en past haar didactische aanpak bij de jouwe?' },
        { id: 'diversiteit', label: 'Hoe gaat de organisatie om met de diversiteit van je leerlingen?' },
        { id: 'positief', label: 'Brengt ze positieve, preventieve en pedagogisch verantwoorde boodschappen?' },
        { id: 'educatief', label: 'Zijn haar bedoelingen zuiver educatief, of spelen er ook ideologische of politieke doelen mee?' },
        { id: 'meerwaarde', label: 'Brengt ze je leerlingen iets bij wat je school zelf moeilijk kan bieden?' },
      ],
    },
    {
      id: 's2',
      title: 'Vraag anderen naar hun ervaringen',
      points: [
        { id: 'collegas', label: 'Vraag het aan collega’s en kennissen.' },
        { id: 'begeleider', label: 'Vraag het aan je pedagogisch begeleider.' },
        { id: 'ouders', label: 'Pols bij ouders en eventueel leerlingen, bijvoorbeeld op de schoolraad of de ouderraad.' },
        { id: 'gemeente', label: 'Vraag het aan je stad of gemeente: zij kennen het lokale aanbod vaak goed.' },
        { id: 'scholen', label: 'Vraag het aan andere scholen. Vraag de organisatie om een paar scholen die je als referentie mag contacteren.' },
      ],
    },
    {
      id: 's3',
      title: 'Zeg vooraf wat je verwacht',
      points: [
        { id: 'inhoud', label: 'Spreek af welke inhoud de organisatie brengt en hoe die past in het leerproces van je leerlingen.' },
        { id: 'aanpak', label: 'Bespreek de didactische aanpak en hoe er met de leerlingen gewerkt wordt.' },
        { id: 'praktisch', label: 'Leg doelen, inhoud en praktische zaken vast: lesuren, groepsgrootte en zo meer.' },
        { id: 'verwachtingen', label: 'Sta stil bij wat je leerlingen en je collega’s ervan verwachten.' },
      ],
    },
    {
      id: 's4',
      title: 'Beslis nooit alleen',
      points: [
        { id: 'directie', label: 'Overleg met je directie.' },
        { id: 'collegas', label: 'Overleg met je collega’s.' },
        { id: 'gedragen', label: 'Is de keuze gedragen? Leg ze zo nodig voor aan het schoolteam of de schoolraad.' },
      ],
    },
    {
      id: 's5',
      title: 'Blijf eigenaar en regisseur van het leerproces',
      points: [
        { id: 'voorbereiden', label: 'Bereid de activiteit voor met je leerlingen en plaats ze in het bredere leerproces.' },
        { id: 'aanspreekpunt', label: 'Leerlingen kunnen tijdens de activiteit altijd bij iemand van het schoolteam terecht met vragen.' },
        { id: 'aanwezig', label: 'Er zit altijd een leraar mee in het lokaal. Dat is ook juridisch belangrijk voor de school.' },
        { id: 'opvolger', label: 'Loopt het traject langer? Dan volgt één iemand uit het team de voortgang op.' },
        { id: 'nazorg', label: 'Blijf achteraf beschikbaar voor vragen en let op signalen van leerlingen.' },
        { id: 'evalueren', label: 'Bespreek inhoud en werkvormen achteraf met je leerlingen.' },
      ],
    },
    {
      id: 's6',
      title: 'Evalueer achteraf met je collega’s',
      points: [
        { id: 'nabespreken', label: 'Blik met je collega’s terug: hoe liep de samenwerking?' },
        { id: 'register', label: 'Zet de organisatie in het register van externe organisaties, met wat hielp en wat hinderde.' },
      ],
      evaluation: [
        {
          id: 'hielp',
          label: 'Wat hielp de samenwerking vooruit?',
          hint: 'Denk aan je school (de klasgroep, de sfeer, de communicatie) en aan de organisatie (hoe ze communiceerde, hoe goed ze inspeelde op je klas).',
        },
        {
          id: 'hinderde',
          label: 'Wat maakte de samenwerking moeilijk?',
          hint: 'Ook hier: lag het aan de school, aan de organisatie, of aan allebei?',
        },
      ],
    },
  ],
  attention: [
    {
      id: 'pedagogisch_project',
      label: 'Pedagogisch project van de school',
      hint: 'Toets elke samenwerking aan je pedagogisch project: het is de bril waardoor je naar een aanbod kijkt.',
    },
    {
      id: 'eindtermen',
      label: 'Eindtermen en ontwikkelingsdoelen',
      hint: 'Ga na hoe de samenwerking bijdraagt aan de eindtermen, ontwikkelingsdoelen en leerplannen.',
    },
    {
      id: 'visieteksten',
      label: 'Visieteksten van OVSG',
      hint: 'Kijk of er een visietekst over het onderwerp bestaat. Is er geen, toets je standpunt dan af bij je pedagogisch begeleider.',
    },
    {
      id: 'rok',
      label: 'Referentiekader Onderwijskwaliteit (rOK)',
      hint: 'Het rOK helpt je kiezen waar je prioriteiten legt als je een externe partner zoekt.',
    },
    {
      id: 'zorgvuldig_bestuur',
      label: 'Zorgvuldig bestuur',
      hint: 'Voor politieke boodschappen, handelsactiviteiten, reclame en sponsoring op school gelden regels. Check ze bij een gevoelig aanbod.',
    },
    {
      id: 'participatie',
      label: 'Participatiedecreet en schoolraad',
      hint: 'Breng de samenwerking op de schoolraad, zodat personeel, ouders en leerlingen mee kunnen denken en de keuze breed gedragen is.',
    },
    {
      id: 'privacy',
      label: 'Privacy van leerlingen',
      hint: 'Geef externen geen gegevens over individuele leerlingen, ook niet als ze erom vragen, en laat hen er in de klas ook geen verzamelen.',
    },
  ],
};
