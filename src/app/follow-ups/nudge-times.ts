import { DateTime } from 'luxon';
import type { FollowUp, LocalDate, NextNudge, Snooze } from '../../domain/follow-up.js';

/** Nudges arrive at this local hour: the start of a working day in Flanders and the Netherlands. */
export const NUDGE_HOUR = 9;
/** Working days between the "soon" nudge and the due date, and between the due date and the coordinators' nudge. */
export const LEAD_WORKING_DAYS = 2;

// Public holidays differ per region and sector; only weekends are skipped.
const isWorkday = (d: DateTime): boolean => d.weekday <= 5;

/** A calendar date as a luxon date at midnight UTC: day arithmetic on it never meets a DST change. */
const day = (date: LocalDate): DateTime => DateTime.fromISO(date, { zone: 'utc' });
const iso = (d: DateTime): LocalDate => d.toISODate() as LocalDate;

/** Moves `n` working days forward (or back, for negative n), skipping weekends. */
function addWorkingDays(from: DateTime, n: number): DateTime {
  const step = Math.sign(n);
  let d = from;
  for (let left = Math.abs(n); left > 0; ) {
    d = d.plus({ days: step });
    if (isWorkday(d)) left -= 1;
  }
  return d;
}

/** The date itself on a working day, else the Friday before it. */
function workdayOnOrBefore(d: DateTime): DateTime {
  let out = d;
  while (!isWorkday(out)) out = out.minus({ days: 1 });
  return out;
}

/** The instant of NUDGE_HOUR:00 on a calendar date in a zone; luxon keeps it 9:00 across DST. */
function morningOf(d: DateTime, timeZone: string): number {
  return DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour: NUDGE_HOUR }, { zone: timeZone }).toMillis();
}

/** Today's calendar date in a zone. */
export function localDate(now: number, timeZone: string): LocalDate {
  return iso(DateTime.fromMillis(now, { zone: timeZone }));
}

/** True when the zone is one luxon (and so the nudge schedule) can work with. */
export function isKnownZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  const valid = DateTime.now().setZone(timeZone).isValid;
  if (valid && knownZones.size < MOMENTS_MAX) knownZones.add(timeZone);
  return valid;
}
const knownZones = new Set<string>();

export interface NudgeZones {
  /** Where the owner is: their nudges come at 9:00 there. */
  owner: string;
  /** The collaboration's zone: the coordinators' overdue nudge comes at 9:00 there. */
  collab: string;
}

/**
 * Every nudge of a due date, in time order: two working days before it and on its morning (a
 * weekend due date is nudged on the Friday before) in the owner's zone, and two working days
 * after it in the collaboration's zone.
 */
export function nudgeMoments(due: LocalDate, zones: NudgeZones): readonly NextNudge[] {
  // The moments depend on these three only, and zone arithmetic is the costly part of adding a
  // follow-up; many items share a due date. Zone rules change with a software update, not at runtime.
  const key = `${due}|${zones.owner}|${zones.collab}`;
  const known = moments.get(key);
  if (known) return known;
  const date = day(due);
  const computed: readonly NextNudge[] = Object.freeze([
    { kind: 'soon', at: morningOf(addWorkingDays(date, -LEAD_WORKING_DAYS), zones.owner) },
    { kind: 'due', at: morningOf(workdayOnOrBefore(date), zones.owner) },
    { kind: 'overdue', at: morningOf(addWorkingDays(date, LEAD_WORKING_DAYS), zones.collab) },
  ] as const);
  if (moments.size >= MOMENTS_MAX) moments.clear();
  moments.set(key, computed);
  return computed;
}

const MOMENTS_MAX = 5000;
const moments = new Map<string, readonly NextNudge[]>();

/** The first nudge of an open item that comes after `after` (ms), or undefined when none is left. */
export function nextNudge(item: Pick<FollowUp, 'due' | 'status'>, zones: NudgeZones, after: number): NextNudge | undefined {
  if (item.status !== 'open') return undefined;
  const next = nudgeMoments(item.due, zones).find((m) => m.at > after);
  // A copy: callers store it on the item, the cached moments stay as they are.
  return next && { ...next };
}

/**
 * The due date after a snooze: one working day or one week later, counted from the due date or,
 * when that has passed, from today, so an overdue item gets real time again.
 */
export function snoozedDue(due: LocalDate, snooze: Snooze, today: LocalDate): LocalDate {
  const from = day(due < today ? today : due);
  return iso(snooze === 'day' ? addWorkingDays(from, 1) : from.plus({ days: 7 }));
}
