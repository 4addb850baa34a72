import { describe, expect, it } from 'vitest';
import { nextWeeklyRun, type WeeklyRule } from '../../src/domain/weekly.js';
import { readRhythmPattern, rhythmPattern, rhythmStrategy } from '../../src/jobs/reminder-rhythm.js';
import { parseCommand } from '../../src/app/parse-command.js';

const tz = 'Europe/Brussels';
const rule = (r: Partial<WeeklyRule>): WeeklyRule => ({ weekday: 1, hour: 9, minute: 0, everyWeeks: 1, timeZone: tz, anchor: Date.UTC(2027, 0, 4), ...r });
/** The next `count` runs after `from`, as UTC ISO strings. */
function runs(from: string, r: WeeklyRule, count = 4): string[] {
  const out: string[] = [];
  let t = Date.parse(from);
  for (let i = 0; i < count; i++) out.push(new Date((t = nextWeeklyRun(t, r))).toISOString());
  return out;
}

describe('a weekly rhythm in Brussels time across daylight saving (2027)', () => {
  it('keeps Monday 9:00 at 9:00 across the spring change (Sunday 28 March)', () => {
    expect(runs('2027-03-20T12:00:00Z', rule({}))).toEqual([
      '2027-03-22T08:00:00.000Z', // 9:00 CET
      '2027-03-29T07:00:00.000Z', // 9:00 CEST
      '2027-04-05T07:00:00.000Z',
      '2027-04-12T07:00:00.000Z',
    ]);
  });

  it('keeps Monday 9:00 at 9:00 across the autumn change (Sunday 31 October)', () => {
    expect(runs('2027-10-23T12:00:00Z', rule({}))).toEqual(['2027-10-25T07:00:00.000Z', '2027-11-01T08:00:00.000Z', '2027-11-08T08:00:00.000Z', '2027-11-15T08:00:00.000Z']);
  });

  it('runs at 9:00 on the change days themselves', () => {
    expect(runs('2027-03-27T12:00:00Z', rule({ weekday: 0 }), 2)).toEqual(['2027-03-28T07:00:00.000Z', '2027-04-04T07:00:00.000Z']);
    expect(runs('2027-10-30T12:00:00Z', rule({ weekday: 0 }), 2)).toEqual(['2027-10-31T08:00:00.000Z', '2027-11-07T08:00:00.000Z']);
  });

  it('keeps every other Monday on the anchor\'s weeks, at 9:00 local, across the change', () => {
    const biweekly = rule({ everyWeeks: 2, anchor: Date.parse('2027-03-22T10:00:00Z') });
    expect(runs('2027-03-15T12:00:00Z', biweekly)).toEqual(['2027-03-22T08:00:00.000Z', '2027-04-05T07:00:00.000Z', '2027-04-19T07:00:00.000Z', '2027-05-03T07:00:00.000Z']);
    // Asked in the off week, it waits for the next week of the rhythm, not the next Monday.
    expect(runs('2027-03-23T12:00:00Z', biweekly, 1)).toEqual(['2027-04-05T07:00:00.000Z']);
  });

  it('is strictly later than the moment it is asked at, also at the exact run time', () => {
    expect(runs('2027-03-29T07:00:00Z', rule({}), 1)).toEqual(['2027-04-05T07:00:00.000Z']);
  });
});

describe('the scheduler pattern that carries a rhythm', () => {
  it('round-trips, and anything that is not ours has no next run', () => {
    const r = rule({ everyWeeks: 2, weekday: 5, hour: 14, minute: 30, anchor: 1_800_000_000_000 });
    expect(readRhythmPattern(rhythmPattern(r))).toEqual(r);
    expect(readRhythmPattern('0 9 * * 1')).toBeUndefined();
    expect(readRhythmPattern('weekly:3:1:9:0:0:Europe/Brussels')).toBeUndefined();
    expect(rhythmStrategy(Date.parse('2027-03-20T12:00:00Z'), { pattern: rhythmPattern(rule({})) })).toBe(Date.parse('2027-03-22T08:00:00Z'));
    expect(rhythmStrategy(Date.now(), { pattern: '0 9 * * 1' })).toBeUndefined();
  });
});

describe('reminder schedule commands', () => {
  it('understands Dutch and English rhythms, with Monday 9:00 as the default, and guesses nothing else', () => {
    expect(parseCommand('reminder elke maandag 9:00')).toEqual({ kind: 'reminder-schedule', rhythm: { weekday: 1, hour: 9, minute: 0, everyWeeks: 1 } });
    expect(parseCommand('reminder elke 2 weken')).toEqual({ kind: 'reminder-schedule', rhythm: { weekday: 1, hour: 9, minute: 0, everyWeeks: 2 } });
    expect(parseCommand('reminder every 2 weeks friday 14.30')).toEqual({ kind: 'reminder-schedule', rhythm: { weekday: 5, hour: 14, minute: 30, everyWeeks: 2 } });
    expect(parseCommand('reminder elke dinsdag om 8u')).toEqual({ kind: 'reminder-schedule', rhythm: { weekday: 2, hour: 8, minute: 0, everyWeeks: 1 } });
    expect(parseCommand('reminder every monday at 9:00')).toEqual({ kind: 'reminder-schedule', rhythm: { weekday: 1, hour: 9, minute: 0, everyWeeks: 1 } });
    expect(parseCommand('reminder stop')).toEqual({ kind: 'reminder-stop' });
    for (const odd of ['reminder elke blauwe maandag', 'reminder elke maandag 25:00', 'reminder elke 3 weken', 'reminder morgen']) expect(parseCommand(odd).kind, odd).toBe('unknown');
  });
});
