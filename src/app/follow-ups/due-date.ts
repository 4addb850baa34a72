import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';

/** A parsed due date: a local calendar date (YYYY-MM-DD) in the caller's zone, or why there is none. */
export type DueDateResult = { kind: 'date'; date: string } | { kind: 'unclear' } | { kind: 'past' };

export interface DueDateOptions {
  /** The user's language: its parser is tried first, the other one next, because people mix. */
  locale: 'nl' | 'en';
  /** The current instant (ms since the epoch). */
  now: number;
  /** The user's IANA zone: "today" is today there. */
  timeZone: string;
}

/** Adds "n days from today" wording that chrono's locale lacks, as a parser on a copy of it. */
function withDaysAhead(base: chrono.Chrono, pattern: RegExp, days: number): chrono.Chrono {
  const copy = base.clone();
  copy.parsers.push({
    pattern: () => pattern,
    extract: (context) => chrono.ParsingComponents.createRelativeFromReference(context.reference, { day: days }),
  });
  return copy;
}

// chrono 2.10's Dutch has no "overmorgen"; its English needs "the" before "day after tomorrow" (ours wins the overlap).
const DUTCH = withDaysAhead(chrono.nl.casual, /(?<![\p{L}\d])overmorgen(?![\p{L}\d])/iu, 2);
// en.casual (month-first) rather than en.GB: GB reads "december 15" as December 2015. Numeric dates never reach
// chrono (see NUMERIC), so its month-first reading of "5/12" cannot bite.
const ENGLISH = withDaysAhead(chrono.en.casual, /(?<![\p{L}\d])(?:the\s+)?day\s+after\s+tomorrow(?![\p{L}\d])/iu, 2);

/** Numeric dates: ISO, or day/month[/year] with "/", "." or "-" (always day first: our users are European). */
const NUMERIC = /(?<![\d/.-])(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?)(?![\d/.-])/g;
/** A trailing time of day ("om 15u", "14:30", "15u30", "at 3pm"): we keep only the date, and chrono's Dutch lacks "15u". */
const TRAILING_TIME = /\s+((?:om|at|@)\s*)?\d{1,2}(?:([:.hu])\d{2})?\s*(u|uur|h|am|pm)?$/i;
/** A whole week, month or year is no due date; chrono would silently pick a day in it (a Saturday for "weekend"). */
const VAGUE = [
  /^(?:volgende?|komende?|aankomende?|deze|dit|next|this|coming)\s+(?:week|maand|month|jaar|year|kwartaal|quarter)$/i,
  /\bweek(?:end|day)\b/i,
];
/** chrono's backward weekday words: forwardDate would move "vorige vrijdag" to the coming Friday. */
const BACKWARD = /\b(?:vorige|last|past)\b/i;

// Calendar dates as midnight UTC: day arithmetic on them never meets a DST change.
const calendar = (year: number, month: number, day: number): DateTime => DateTime.fromObject({ year, month, day }, { zone: 'utc' });
const iso = (d: DateTime): string => d.toFormat('yyyy-MM-dd');

/**
 * The ISO date of a numeric day/month: with a year as given (two digits mean 20xx), without one the first such
 * date from today on. Undefined when no such calendar date exists ("32/13", "31/4", "29/2/2027").
 */
function numericDate(day: number, month: number, year: number | undefined, today: DateTime): string | undefined {
  if (year !== undefined) {
    const d = calendar(year < 100 ? 2000 + year : year, month, day);
    return d.isValid ? iso(d) : undefined;
  }
  // Eight years always reach a 29 February (2097 -> 2104 skips 2100).
  for (let y = today.year; y <= today.year + 8; y += 1) {
    const d = calendar(y, month, day);
    if (d.isValid && d >= today) return iso(d);
  }
  return undefined;
}

/** The text tidied for chrono, or undefined when it holds a numeric date that does not exist. */
function normalise(text: string, today: DateTime): string | undefined {
  let out = text.trim().replace(/\s+/g, ' ').replace(/\.$/, '').trim();
  const time = TRAILING_TIME.exec(out);
  // Only strip what is surely a time: "vrijdag 15.12" is a date, "vrijdag om 15.12" and "15:12" are times.
  if (time && (time[1] || time[3] || (time[2] && time[2] !== '.'))) out = out.slice(0, time.index);
  // Word orders chrono splits into two results; the orders it reads as one mean the same day (ISO weeks).
  out = out.replace(/^(\p{L}+\.?) volgende week$/iu, 'volgende week $1').replace(/^next week (\p{L}+)$/iu, '$1 next week');
  let ok = true;
  out = out.replace(NUMERIC, (match, y?: string, m?: string, d?: string, dd?: string, mm?: string, yy?: string) => {
    const found = y && m && d
      ? numericDate(Number(d), Number(m), Number(y), today)
      : numericDate(Number(dd), Number(mm), yy ? Number(yy) : undefined, today);
    if (!found) ok = false;
    return found ?? match;
  });
  return ok ? out : undefined;
}

/** The date of chrono's reading when it covers the whole text and names a day; else undefined (never guess). */
function wholeDate(parser: chrono.Chrono, text: string, reference: Date): { date: DateTime; weekdayOnly: boolean } | undefined {
  const results = parser.parse(text, reference, { forwardDate: true });
  const [r] = results;
  if (!r || results.length !== 1 || r.index !== 0 || r.text.length !== text.length || r.end) return undefined;
  const tags = r.tags();
  // Hour offsets ("over 3 uur") would count from our noon reference, not from now.
  if (tags.has('result/relativeDateAndTime')) return undefined;
  // "december" or "3pm" alone name no day; "over 1 maand" does, though chrono marks its day as implied.
  if (!r.start.isCertain('day') && !r.start.isCertain('weekday') && !tags.has('result/relativeDate')) return undefined;
  const [year, month, day] = [r.start.get('year'), r.start.get('month'), r.start.get('day')];
  if (year === null || month === null || day === null) return undefined;
  const date = calendar(year, month, day);
  // "vrijdag 15/12" when 15 December is a Tuesday: chrono keeps the date and drops the contradiction.
  const weekday = r.start.get('weekday');
  if (!date.isValid || (r.start.isCertain('weekday') && weekday !== date.weekday % 7)) return undefined;
  return { date, weekdayOnly: r.start.isCertain('weekday') && !r.start.isCertain('day') };
}

/**
 * Reads a free-text due date ("vrijdag", "over 2 weken", "15/12", "next friday", "2026-12-15") in Dutch or
 * English, whichever matches (the locale's language first).
 *
 * - The whole text must be one date expression (surrounding spaces, a trailing period and a trailing time of
 *   day are allowed; the time is dropped). Anything else, vague periods ("volgende week", "next month") and
 *   numeric dates that do not exist ("32/13", "12/13": day first) are `unclear`.
 * - Forward only: a date without a year is the first one from today on ("15/1" in December is next January);
 *   a bare weekday is the next such day, and on that weekday itself it is a week later ("vrijdag" on a Friday
 *   is next Friday: today is "vandaag"), while "deze vrijdag"/"this friday" on a Friday is today.
 * - "volgende week dinsdag", "tuesday next week", "next tuesday" and "volgende dinsdag" are the Tuesday of the
 *   next ISO (Monday-based) week, so "next friday" on a Wednesday is the Friday nine days later.
 * - A date before today in `timeZone` ("15/12/2025", "gisteren") is `past`.
 *
 * @throws RangeError when `timeZone` is not a zone luxon knows.
 */
export function parseDueDate(text: string, opts: DueDateOptions): DueDateResult {
  const local = DateTime.fromMillis(opts.now, { zone: opts.timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone: ${opts.timeZone}`);
  const today = calendar(local.year, local.month, local.day);
  const tidy = normalise(text, today);
  if (!tidy || VAGUE.some((v) => v.test(tidy))) return { kind: 'unclear' };
  // chrono does its calendar arithmetic on JS Dates in the process zone, and its forwardDate compares a
  // zone-shifted date with a real instant, so {instant, timezone} gives answers that depend on the host's zone
  // and the hour. Noon of the user's local date, in the process zone, keeps it pure calendar arithmetic
  // (no DST change moves noon across midnight); we read back only year, month and day.
  const reference = new Date(today.year, today.month - 1, today.day, 12);
  for (const parser of opts.locale === 'nl' ? [DUTCH, ENGLISH] : [ENGLISH, DUTCH]) {
    const found = wholeDate(parser, tidy, reference);
    if (!found) continue;
    if (found.weekdayOnly && BACKWARD.test(tidy)) return { kind: 'past' };
    // chrono (and forwardDate) leave a bare "vrijdag" on a Friday at today; we make it a week later, as documented.
    const forwardThisWeekday = found.weekdayOnly && +found.date === +today && !/\b(?:deze|this)\b/i.test(tidy);
    const date = forwardThisWeekday ? found.date.plus({ weeks: 1 }) : found.date;
    return date < today ? { kind: 'past' } : { kind: 'date', date: iso(date) };
  }
  return { kind: 'unclear' };
}
