import { z } from 'zod';

/**
 * A weekly rhythm in local time: weekday (0 = Sunday … 6 = Saturday), hour and minute, every one
 * or two weeks. Two-weekly rhythms count weeks from an anchor, so the parity never depends on
 * calendar week numbers (some years have 53).
 */
export const WeeklyRuleSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
  minute: z.number().int().min(0).max(59),
  everyWeeks: z.union([z.literal(1), z.literal(2)]),
  timeZone: z.string().min(1).max(64),
  /** Any moment in the first week of the rhythm (ms); only its local date counts. */
  anchor: z.number().int(),
});
export type WeeklyRule = z.infer<typeof WeeklyRuleSchema>;

const DAY_MS = 86_400_000;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date and time of an instant in a time zone. */
function localParts(at: number, timeZone: string): LocalParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

/** How far the zone's wall clock is ahead of UTC at an instant (ms). */
function offsetAt(at: number, timeZone: string): number {
  const p = localParts(at, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(at / 60_000) * 60_000;
}

/**
 * The instant a wall-clock time happens in a zone. A time that does not exist (the hour skipped in
 * spring) lands just after the gap; a time that happens twice (autumn) is taken the first time.
 */
export function zonedTime(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes: the offset at a first guess, then the offset at the instant that guess gives.
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

/** Days since the epoch of a local calendar date: a count that daylight saving cannot disturb. */
const dayNumber = (p: Pick<LocalParts, 'year' | 'month' | 'day'>): number => Math.round(Date.UTC(p.year, p.month - 1, p.day) / DAY_MS);

/** The next moment strictly after `after` that the rule falls on. */
export function nextWeeklyRun(after: number, rule: WeeklyRule): number {
  const start = localParts(after, rule.timeZone);
  const anchorDay = dayNumber(localParts(rule.anchor, rule.timeZone));
  // The week of the anchor starts on the rule's weekday on or before the anchor's date.
  const anchorWeekday = new Date(anchorDay * DAY_MS).getUTCDay();
  const firstDay = anchorDay - ((anchorWeekday - rule.weekday + 7) % 7);
  for (let i = 0; i <= 7 * rule.everyWeeks + 1; i++) {
    const dayNo = dayNumber(start) + i;
    const date = new Date(dayNo * DAY_MS);
    if (date.getUTCDay() !== rule.weekday) continue;
    if (rule.everyWeeks === 2 && Math.round((dayNo - firstDay) / 7) % 2 !== 0) continue;
    const at = zonedTime(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), rule.hour, rule.minute, rule.timeZone);
    if (at > after) return at;
  }
  throw new Error('no next run found');
}
