import { describe, expect, it } from 'vitest';
import { parseDueDate, type DueDateResult } from '../../src/app/follow-ups/due-date.js';

const BXL = 'Europe/Brussels';
const at = (utc: string): number => Date.parse(utc);

// Fixed moments (never the real clock). November 2026 in Brussels is UTC+1.
const SUN_22_NOV = at('2026-11-22T09:00:00Z');
const WED_25_NOV = at('2026-11-25T09:00:00Z');
const FRI_27_NOV = at('2026-11-27T09:00:00Z');
const SUN_20_DEC = at('2026-12-20T09:00:00Z');

const date = (d: string): DueDateResult => ({ kind: 'date', date: d });
const UNCLEAR: DueDateResult = { kind: 'unclear' };
const PAST: DueDateResult = { kind: 'past' };

function parse(text: string, now: number, locale: 'nl' | 'en' = 'nl', timeZone = BXL): DueDateResult {
  return parseDueDate(text, { locale, now, timeZone });
}

describe('parseDueDate: Dutch words (Wednesday 25 November 2026, Brussels)', () => {
  it.each([
    ['vandaag', '2026-11-25'],
    ['morgen', '2026-11-26'],
    ['overmorgen', '2026-11-27'],
    ['vrijdag', '2026-11-27'],
    ['vr', '2026-11-27'],
    ['vrij.', '2026-11-27'],
    ['op vrijdag', '2026-11-27'],
    ['maandag', '2026-11-30'],
    ['volgende week dinsdag', '2026-12-01'],
    ['dinsdag volgende week', '2026-12-01'],
    ['volgende vrijdag', '2026-12-04'],
    ['over 2 weken', '2026-12-09'],
    ['over twee weken', '2026-12-09'],
    ['over 3 dagen', '2026-11-28'],
    ['over een week', '2026-12-02'],
    ['over 1 maand', '2026-12-25'],
    ['15 december', '2026-12-15'],
    ['15 dec', '2026-12-15'],
    ['december 15', '2026-12-15'],
    ['15 december 2027', '2027-12-15'],
    ['  Morgen.  ', '2026-11-26'],
    ['morgen om 15u', '2026-11-26'],
    ['morgen om 15u30', '2026-11-26'],
    ['morgen 14:00', '2026-11-26'],
    ['vrijdag om 9.30', '2026-11-27'],
  ])('nl %j -> %s', (text, expected) => {
    expect(parse(text, WED_25_NOV, 'nl')).toEqual(date(expected));
    // People mix languages: the other locale still understands it.
    expect(parse(text, WED_25_NOV, 'en')).toEqual(date(expected));
  });
});

describe('parseDueDate: English words (Wednesday 25 November 2026, Brussels)', () => {
  it.each([
    ['today', '2026-11-25'],
    ['tomorrow', '2026-11-26'],
    ['day after tomorrow', '2026-11-27'],
    ['the day after tomorrow', '2026-11-27'],
    ['friday', '2026-11-27'],
    ['Fri', '2026-11-27'],
    ['monday', '2026-11-30'],
    // chrono's English "next <weekday>" is that day in the next ISO week, not the coming one: documented, kept.
    ['next friday', '2026-12-04'],
    ['next tuesday', '2026-12-01'],
    ['next week tuesday', '2026-12-01'],
    ['tuesday next week', '2026-12-01'],
    ['in 2 weeks', '2026-12-09'],
    ['in 3 days', '2026-11-28'],
    ['in a week', '2026-12-02'],
    ['15 december', '2026-12-15'],
    ['december 15', '2026-12-15'],
    ['dec 15', '2026-12-15'],
    ['December 15th', '2026-12-15'],
    ['tomorrow at 3pm', '2026-11-26'],
    ['friday 14:00.', '2026-11-27'],
  ])('en %j -> %s', (text, expected) => {
    expect(parse(text, WED_25_NOV, 'en')).toEqual(date(expected));
    expect(parse(text, WED_25_NOV, 'nl')).toEqual(date(expected));
  });
});

describe('parseDueDate: numeric dates are always day/month, in both locales', () => {
  it.each([
    ['2026-12-15', '2026-12-15'],
    ['15/12', '2026-12-15'],
    ['15-12', '2026-12-15'],
    ['15.12', '2026-12-15'],
    ['15.12.', '2026-12-15'],
    ['15/12/2026', '2026-12-15'],
    ['15-12-2026', '2026-12-15'],
    ['15.12.2026', '2026-12-15'],
    ['15/12/26', '2026-12-15'],
    ['5/12', '2026-12-05'],
    ['1/2', '2027-02-01'],
    ['25/11', '2026-11-25'],
    ['24/11', '2027-11-24'],
    ['29/2', '2028-02-29'],
    ['15/12 om 14:00', '2026-12-15'],
    ['15/12 at 3pm', '2026-12-15'],
    ['vrijdag 18/12', '2026-12-18'],
  ])('%j -> %s', (text, expected) => {
    expect(parse(text, WED_25_NOV, 'nl')).toEqual(date(expected));
    expect(parse(text, WED_25_NOV, 'en')).toEqual(date(expected));
  });
});

describe('parseDueDate: past and unclear', () => {
  it.each([
    '15/12/2025',
    '2025-12-15',
    '15 december 2025',
    'December 15, 2025',
    '24/11/2026',
    'gisteren',
    'yesterday',
    // chrono's forwardDate would turn these into the coming Friday; they are past.
    'vorige vrijdag',
    'vorige week vrijdag',
    'last friday',
    'friday last week',
  ])('%j is past', (text) => {
    expect(parse(text, WED_25_NOV, 'nl')).toEqual(PAST);
    expect(parse(text, WED_25_NOV, 'en')).toEqual(PAST);
  });

  it.each([
    '',
    '   ',
    'asap',
    'ASAP',
    'binnenkort',
    'soon',
    'vrijdag of zo misschien',
    'friday or so',
    'ergens volgende week',
    'tegen vrijdag ongeveer',
    '32/13',
    '12/13',
    '31/4',
    '29/2/2027',
    '2026-02-30',
    '15/12/2026/1',
    'volgende week',
    'next week',
    'deze week',
    'volgende maand',
    'weekend',
    'this weekend',
    'volgend weekend',
    'next month',
    'december',
    '3pm',
    'over 3 uur',
    'in 3 hours',
    'vrijdag 15/12',
    'morgen of overmorgen',
    '15 tot 17 december',
  ])('%j is unclear', (text) => {
    expect(parse(text, WED_25_NOV, 'nl')).toEqual(UNCLEAR);
    expect(parse(text, WED_25_NOV, 'en')).toEqual(UNCLEAR);
  });

  it('rejects a zone luxon does not know', () => {
    expect(() => parseDueDate('morgen', { locale: 'nl', now: WED_25_NOV, timeZone: 'Europe/Nowhere' })).toThrow(RangeError);
  });
});

describe('parseDueDate: weekdays', () => {
  it('a bare weekday on that same weekday means next week (today is "vandaag")', () => {
    expect(parse('vrijdag', FRI_27_NOV, 'nl')).toEqual(date('2026-12-04'));
    expect(parse('vr', FRI_27_NOV, 'nl')).toEqual(date('2026-12-04'));
    expect(parse('friday', FRI_27_NOV, 'en')).toEqual(date('2026-12-04'));
    expect(parse('fri', FRI_27_NOV, 'en')).toEqual(date('2026-12-04'));
    expect(parse('vandaag', FRI_27_NOV, 'nl')).toEqual(date('2026-11-27'));
    expect(parse('today', FRI_27_NOV, 'en')).toEqual(date('2026-11-27'));
  });

  it('"deze vrijdag" / "this friday" on a Friday is today', () => {
    expect(parse('deze vrijdag', FRI_27_NOV, 'nl')).toEqual(date('2026-11-27'));
    expect(parse('this friday', FRI_27_NOV, 'en')).toEqual(date('2026-11-27'));
  });

  it('"volgende vrijdag" / "next friday" on a Friday is a week later', () => {
    expect(parse('volgende vrijdag', FRI_27_NOV, 'nl')).toEqual(date('2026-12-04'));
    expect(parse('next friday', FRI_27_NOV, 'en')).toEqual(date('2026-12-04'));
  });

  it('"volgende week <dag>" uses Monday-based (ISO) weeks, also on a Sunday', () => {
    // Sunday 22 November: next week is Monday 23 to Sunday 29 November.
    expect(parse('volgende week dinsdag', SUN_22_NOV, 'nl')).toEqual(date('2026-11-24'));
    expect(parse('dinsdag volgende week', SUN_22_NOV, 'nl')).toEqual(date('2026-11-24'));
    expect(parse('volgende week maandag', SUN_22_NOV, 'nl')).toEqual(date('2026-11-23'));
    expect(parse('volgende week zondag', SUN_22_NOV, 'nl')).toEqual(date('2026-11-29'));
    expect(parse('next week tuesday', SUN_22_NOV, 'en')).toEqual(date('2026-11-24'));
    expect(parse('tuesday next week', SUN_22_NOV, 'en')).toEqual(date('2026-11-24'));
    expect(parse('next tuesday', SUN_22_NOV, 'en')).toEqual(date('2026-11-24'));
    // Wednesday 25 November: next week is Monday 30 November to Sunday 6 December.
    expect(parse('volgende week dinsdag', WED_25_NOV, 'nl')).toEqual(date('2026-12-01'));
    expect(parse('volgende week zondag', WED_25_NOV, 'nl')).toEqual(date('2026-12-06'));
    expect(parse('volgende week woensdag', WED_25_NOV, 'nl')).toEqual(date('2026-12-02'));
    expect(parse('next week tuesday', WED_25_NOV, 'en')).toEqual(date('2026-12-01'));
    // Saturday 28 November: next week is Monday 30 November to Sunday 6 December.
    const sat = at('2026-11-28T09:00:00Z');
    expect(parse('volgende week maandag', sat, 'nl')).toEqual(date('2026-11-30'));
    expect(parse('volgende week zondag', sat, 'nl')).toEqual(date('2026-12-06'));
    expect(parse('sunday next week', sat, 'en')).toEqual(date('2026-12-06'));
  });
});

describe('parseDueDate: year rollover (Sunday 20 December 2026)', () => {
  it.each([
    ['15/1', '2027-01-15'],
    ['15-1', '2027-01-15'],
    ['15 januari', '2027-01-15'],
    ['january 15', '2027-01-15'],
    ['15/1/2027', '2027-01-15'],
    ['20/12', '2026-12-20'],
    ['19/12', '2027-12-19'],
    ['19 december', '2027-12-19'],
    ['over 2 weken', '2027-01-03'],
    // On a Sunday, next week is Monday 21 to Sunday 27 December.
    ['volgende week vrijdag', '2026-12-25'],
  ])('%j -> %s', (text, expected) => {
    expect(parse(text, SUN_20_DEC, 'nl')).toEqual(date(expected));
    expect(parse(text, SUN_20_DEC, 'en')).toEqual(date(expected));
  });

  it('an explicit earlier year stays in the past', () => {
    expect(parse('19/12/2026', SUN_20_DEC)).toEqual(PAST);
  });

  it('"volgende week vrijdag" crosses into the new year', () => {
    const mon28Dec = at('2026-12-28T09:00:00Z');
    expect(parse('volgende week vrijdag', mon28Dec, 'nl')).toEqual(date('2027-01-08'));
    expect(parse('friday next week', mon28Dec, 'en')).toEqual(date('2027-01-08'));
    expect(parse('vrijdag', mon28Dec, 'nl')).toEqual(date('2027-01-01'));
  });
});

describe('parseDueDate: "today" is today in the given zone', () => {
  it('Brussels just after local midnight while UTC is still the day before', () => {
    const now = at('2026-11-25T23:30:00Z'); // Thursday 26 November 00:30 in Brussels
    expect(parse('vandaag', now, 'nl')).toEqual(date('2026-11-26'));
    expect(parse('today', now, 'en')).toEqual(date('2026-11-26'));
    expect(parse('morgen', now, 'nl')).toEqual(date('2026-11-27'));
    expect(parse('donderdag', now, 'nl')).toEqual(date('2026-12-03'));
    expect(parse('woensdag', now, 'nl')).toEqual(date('2026-12-02'));
    expect(parse('25/11', now, 'nl')).toEqual(date('2027-11-25'));
    expect(parse('2026-11-25', now, 'nl')).toEqual(PAST);
  });

  it('Pacific/Auckland is a day ahead of UTC', () => {
    const now = at('2026-11-25T12:00:00Z'); // Thursday 26 November 01:00 in Auckland (UTC+13)
    const nz = (text: string, locale: 'nl' | 'en' = 'en'): DueDateResult => parse(text, now, locale, 'Pacific/Auckland');
    expect(nz('today')).toEqual(date('2026-11-26'));
    expect(nz('vandaag', 'nl')).toEqual(date('2026-11-26'));
    expect(nz('tomorrow')).toEqual(date('2026-11-27'));
    expect(nz('thursday')).toEqual(date('2026-12-03'));
    expect(nz('friday')).toEqual(date('2026-11-27'));
    expect(nz('in 3 days')).toEqual(date('2026-11-29'));
    expect(nz('26/11')).toEqual(date('2026-11-26'));
    expect(nz('25/11')).toEqual(date('2027-11-25'));
    expect(nz('2026-11-25')).toEqual(PAST);
    // The same instant in Brussels is still Wednesday 25 November.
    expect(parse('2026-11-25', now, 'en', BXL)).toEqual(date('2026-11-25'));
    expect(parse('today', now, 'en', BXL)).toEqual(date('2026-11-25'));
  });

  it('America/New_York is a day behind UTC in the evening', () => {
    const now = at('2026-11-26T03:00:00Z'); // Wednesday 25 November 22:00 in New York
    const ny = (text: string, locale: 'nl' | 'en' = 'en'): DueDateResult => parse(text, now, locale, 'America/New_York');
    expect(ny('today')).toEqual(date('2026-11-25'));
    expect(ny('vandaag', 'nl')).toEqual(date('2026-11-25'));
    expect(ny('tomorrow')).toEqual(date('2026-11-26'));
    expect(ny('wednesday')).toEqual(date('2026-12-02'));
    expect(ny('next friday')).toEqual(date('2026-12-04'));
    expect(ny('2026-11-25')).toEqual(date('2026-11-25'));
    expect(ny('24/11')).toEqual(date('2027-11-24'));
  });
});

describe('parseDueDate: DST changes in Brussels (2027)', () => {
  it('spring forward on Sunday 28 March 2027', () => {
    const satNight = at('2027-03-27T22:30:00Z'); // Saturday 23:30 CET
    expect(parse('morgen', satNight)).toEqual(date('2027-03-28'));
    expect(parse('overmorgen', satNight)).toEqual(date('2027-03-29'));
    expect(parse('zondag', satNight)).toEqual(date('2027-03-28'));
    expect(parse('over een week', satNight)).toEqual(date('2027-04-03'));
    const sunEarly = at('2027-03-27T23:30:00Z'); // Sunday 00:30 CET
    expect(parse('vandaag', sunEarly)).toEqual(date('2027-03-28'));
    expect(parse('zondag', sunEarly)).toEqual(date('2027-04-04'));
    expect(parse('28/3', sunEarly)).toEqual(date('2027-03-28'));
    expect(parse('27/3', sunEarly)).toEqual(date('2028-03-27'));
    const sunAfter = at('2027-03-28T01:30:00Z'); // Sunday 03:30 CEST, just after the change
    expect(parse('vandaag', sunAfter)).toEqual(date('2027-03-28'));
    expect(parse('tomorrow', sunAfter, 'en')).toEqual(date('2027-03-29'));
    const sunLate = at('2027-03-28T21:59:00Z'); // Sunday 23:59 CEST
    expect(parse('today', sunLate, 'en')).toEqual(date('2027-03-28'));
    expect(parse('morgen', sunLate)).toEqual(date('2027-03-29'));
  });

  it('fall back on Sunday 31 October 2027', () => {
    const sunEarly = at('2027-10-30T22:30:00Z'); // Sunday 00:30 CEST
    expect(parse('vandaag', sunEarly)).toEqual(date('2027-10-31'));
    expect(parse('gisteren', sunEarly)).toEqual(PAST);
    const beforeChange = at('2027-10-31T00:30:00Z'); // 02:30 CEST
    const afterChange = at('2027-10-31T01:30:00Z'); // 02:30 CET
    for (const now of [beforeChange, afterChange]) {
      expect(parse('vandaag', now)).toEqual(date('2027-10-31'));
      expect(parse('morgen', now)).toEqual(date('2027-11-01'));
      expect(parse('zondag', now)).toEqual(date('2027-11-07'));
      expect(parse('31/10', now)).toEqual(date('2027-10-31'));
    }
    const sunLate = at('2027-10-31T22:59:00Z'); // Sunday 23:59 CET
    expect(parse('today', sunLate, 'en')).toEqual(date('2027-10-31'));
    expect(parse('in 3 days', sunLate, 'en')).toEqual(date('2027-11-03'));
    const sat = at('2027-10-30T10:00:00Z');
    expect(parse('over 3 dagen', sat)).toEqual(date('2027-11-02'));
  });
});

describe('parseDueDate: independent of the process time zone', () => {
  it('gives the same dates whatever TZ the host runs in', () => {
    const original = process.env.TZ;
    const cases: Array<[string, number, string, DueDateResult]> = [
      ['vandaag', at('2026-11-25T23:30:00Z'), BXL, date('2026-11-26')],
      ['25 november', WED_25_NOV, BXL, date('2026-11-25')],
      ['woensdag', WED_25_NOV, BXL, date('2026-12-02')],
      ['today', at('2026-11-25T12:00:00Z'), 'Pacific/Auckland', date('2026-11-26')],
      ['over een week', at('2027-03-27T22:30:00Z'), BXL, date('2027-04-03')],
    ];
    try {
      for (const tz of ['UTC', 'Europe/Brussels', 'Pacific/Auckland', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        for (const [text, now, zone, expected] of cases) expect(parse(text, now, 'nl', zone), `${text} with TZ=${tz}`).toEqual(expected);
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
