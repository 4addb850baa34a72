import type { AnswerSet, Collaboration, WorksheetId } from '../../src/domain/collaboration.js';
import type { CardView } from '../../src/app/card-views.js';
import type { Locale } from '../../src/domain/poll.js';

const T0 = Date.UTC(2025, 2, 14, 9, 30);
const people = [
  { id: 'U07FACI01', name: 'Annelies Peeters' },
  { id: 'U07COOR01', name: 'Chloé Dubois' },
  { id: 'U07LID001', name: 'Eva Maes' },
];

const set = (i: number, values: Record<string, string>, item?: string): AnswerSet => ({ by: people[i % people.length]!, at: T0 + i * 60_000, values, ...(item ? { item } : {}) });

/**
 * Entries as members would leave them on each worksheet: ambitie scored low by all, relatie far
 * apart, a partner that is a framing actor to keep informed, agreements in every status.
 */
export function worksheetEntries(sheet: WorksheetId): AnswerSet[] {
  switch (sheet) {
    case 'conditions':
      return [
        set(0, { ambitie: '2', relatie: '1', organisatie: '4', proces: '3', belangen: '4', relatie_note: 'We kennen elkaar <nog> niet.' }),
        set(1, { ambitie: '2', relatie: '5', organisatie: '4', proces: '4' }),
        set(2, { ambitie: '3', relatie: '3', ambitie_note: 'Wat willen we echt?' }),
      ];
    case 'form':
      return [
        set(0, { belangen: 'netwerk', feitelijke_beslissingen: 'netwerk', formele_beslissingen: 'overleg', taak: 'ja', ik: 'deels', wij: 'ja' }),
        set(1, { belangen: 'netwerk', engagement: 'ad_hoc', identificatie: 'netwerk', taak: 'ja', wij: 'nee' }),
      ];
    case 'partners':
      return [
        set(0, { naam: 'Stadsbibliotheek Gent', vertegenwoordiger: 'Jan de Bib', mandaat: 'beslissing', rol: 'noodzakelijk', rechtsvorm: 'autonoom gemeentebedrijf', zetel: 'Kouter 1, 9000 Gent', ondernemingsnummer: '0123.456.789', ondertekenaar: 'Els Claes', functie: 'directeur' }, 'pa1b2c3d4e5f6'),
        set(1, { naam: 'Stad <Gent>', rol: 'omkadering', informeren: 'true', mandaat: 'terugkoppeling' }, 'pb1b2c3d4e5f6'),
      ];
    case 'agreements':
      return [
        set(0, { status: 'afgesproken', wie: 'Stadsbibliotheek', timing: 'september', tekst: 'Elke woensdag huiswerkklas in de leeszaal.' }, 'inhoud'),
        set(1, { status: 'besproken', wie: 'School' }, 'financieel'),
        set(2, { status: 'nvt' }, 'personeel'),
      ];
    case 'internal':
      return [set(0, { studentenadministratie: 'true', dpo: 'true', ict: 'true' }, 'all')];
    case 'externals':
      return [
        set(0, { gedaan: 'true', notitie: 'Website en jaarverslag gelezen.' }, 's1'),
        set(1, { gedaan: 'true', organisatie: 'Natuurpunt', hielp: 'Goede voorbereiding.', hinderde: 'Weinig tijd.' }, 's6'),
      ];
  }
}

const sheets: WorksheetId[] = ['conditions', 'form', 'partners', 'agreements', 'internal', 'externals'];

/** Card variants of every worksheet: empty, filled, and (Teams) with the viewer's form open. */
export function worksheetVariants(collab: (l: Locale) => Collaboration): { name: string; view: (l: Locale) => CardView }[] {
  return sheets.flatMap((sheet) => [
    { name: `worksheet ${sheet}, empty`, view: (l: Locale): CardView => ({ kind: 'worksheet', view: { collab: collab(l), sheet, entries: [] } }) },
    { name: `worksheet ${sheet}, filled in`, view: (l: Locale): CardView => ({ kind: 'worksheet', view: { collab: collab(l), sheet, entries: worksheetEntries(sheet) } }) },
    {
      name: `worksheet ${sheet}, form open`,
      view: (l: Locale): CardView => {
        const entries = worksheetEntries(sheet);
        const first = entries[0]!;
        const item = sheet === 'conditions' || sheet === 'form' || sheet === 'internal' ? undefined : sheet === 'partners' ? first.item : first.item;
        return { kind: 'worksheet', view: { collab: collab(l), sheet, entries, editing: { item, values: first.values } }, personal: { notice: 'x', tone: 'error' } };
      },
    },
  ]);
}
