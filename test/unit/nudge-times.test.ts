import { describe, expect, it } from 'vitest';
import { localDate, nextNudge, nudgeMoments, snoozedDue } from '../../src/app/follow-ups/nudge-times.js';

const brussels = { owner: 'Europe/Brussels', collab: 'Europe/Brussels' };
const iso = (ms: number): string => new Date(ms).toISOString();
const moments = (due: string, zones = brussels) => Object.fromEntries(nudgeMoments(due, zones).map((m) => [m.kind, iso(m.at)]));

describe('nudge moments', () => {
  it('two working days before, on the morning and two working days after, at 9:00 local time', () => {
    // Wednesday 2 December 2026 (winter time, UTC+1).
    expect(moments('2026-12-02')).toEqual({ soon: '2026-11-30T08:00:00.000Z', due: '2026-12-02T08:00:00.000Z', overdue: '2026-12-04T08:00:00.000Z' });
  });

  it('skips weekends: a Monday is nudged the Thursday before and overdue on Wednesday', () => {
    expect(moments('2026-12-07')).toEqual({ soon: '2026-12-03T08:00:00.000Z', due: '2026-12-07T08:00:00.000Z', overdue: '2026-12-09T08:00:00.000Z' });
  });

  it('a due date on a Saturday is nudged on the Friday before, never on the weekend', () => {
    const m = moments('2026-12-05');
    expect(m).toEqual({ soon: '2026-12-03T08:00:00.000Z', due: '2026-12-04T08:00:00.000Z', overdue: '2026-12-08T08:00:00.000Z' });
    for (const at of nudgeMoments('2026-12-05', brussels).map((x) => new Date(x.at).getUTCDay())) expect([0, 6]).not.toContain(at);
  });

  it('keeps 9:00 across the last Sunday of March 2027 (summer time starts)', () => {
    // Due Tuesday 30 March: soon on Friday 26 March (UTC+1), due on Tuesday (UTC+2).
    expect(moments('2027-03-30')).toEqual({ soon: '2027-03-26T08:00:00.000Z', due: '2027-03-30T07:00:00.000Z', overdue: '2027-04-01T07:00:00.000Z' });
  });

  it('keeps 9:00 across the last Sunday of October 2027 (summer time ends)', () => {
    // Due Monday 1 November: soon on Thursday 28 October (UTC+2), due on Monday (UTC+1).
    expect(moments('2027-11-01')).toEqual({ soon: '2027-10-28T07:00:00.000Z', due: '2027-11-01T08:00:00.000Z', overdue: '2027-11-03T08:00:00.000Z' });
  });

  it("nudges the owner at 9:00 where the owner is, and the coordinators at 9:00 in the collaboration's zone", () => {
    const m = moments('2026-12-02', { owner: 'America/New_York', collab: 'Europe/Brussels' });
    expect(m).toEqual({ soon: '2026-11-30T14:00:00.000Z', due: '2026-12-02T14:00:00.000Z', overdue: '2026-12-04T08:00:00.000Z' });
  });

  it('the next nudge is the first one after the given moment; done items have none', () => {
    const after = Date.parse('2026-11-30T08:00:00Z');
    expect(nextNudge({ due: '2026-12-02', status: 'open' }, brussels, after)).toEqual({ kind: 'due', at: Date.parse('2026-12-02T08:00:00Z') });
    expect(nextNudge({ due: '2026-12-02', status: 'open' }, brussels, Date.parse('2026-12-04T08:00:00Z'))).toBeUndefined();
    expect(nextNudge({ due: '2026-12-02', status: 'done' }, brussels, 0)).toBeUndefined();
  });
});

describe('snooze and local dates', () => {
  it('one day is the next working day; one week is seven days; an overdue item counts from today', () => {
    expect(snoozedDue('2026-12-04', 'day', '2026-12-01')).toBe('2026-12-07');
    expect(snoozedDue('2026-12-02', 'week', '2026-12-01')).toBe('2026-12-09');
    expect(snoozedDue('2026-11-20', 'week', '2026-12-01')).toBe('2026-12-08');
  });

  it("today is the zone's calendar date", () => {
    const lateUtc = Date.parse('2026-11-30T23:30:00Z');
    expect(localDate(lateUtc, 'Europe/Brussels')).toBe('2026-12-01');
    expect(localDate(lateUtc, 'America/New_York')).toBe('2026-11-30');
  });
});
