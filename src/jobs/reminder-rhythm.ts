import type { RepeatOptions } from 'bullmq';
import { nextWeeklyRun, WeeklyRuleSchema, type WeeklyRule } from '../domain/weekly.js';

/**
 * Scheduled reminders run on our own weekly rhythm instead of cron: "every two weeks" has no cron
 * form, and BullMQ's `every` counts plain milliseconds, which moves 9:00 to 10:00 across the spring
 * change (see docs/reminder-scheduling.md). The rule travels in the scheduler's pattern.
 */
const PREFIX = 'weekly:';

export function rhythmPattern(rule: WeeklyRule): string {
  return `${PREFIX}${rule.everyWeeks}:${rule.weekday}:${rule.hour}:${rule.minute}:${rule.anchor}:${rule.timeZone}`;
}

export function readRhythmPattern(pattern: string | undefined): WeeklyRule | undefined {
  if (!pattern?.startsWith(PREFIX)) return undefined;
  const [everyWeeks, weekday, hour, minute, anchor, ...zone] = pattern.slice(PREFIX.length).split(':');
  const parsed = WeeklyRuleSchema.safeParse({
    everyWeeks: Number(everyWeeks),
    weekday: Number(weekday),
    hour: Number(hour),
    minute: Number(minute),
    anchor: Number(anchor),
    timeZone: zone.join(':'),
  });
  return parsed.success ? parsed.data : undefined;
}

/**
 * BullMQ's repeat strategy for our schedulers (set on the Queue and on every Worker). A pattern that
 * is not ours has no next run, so a stray scheduler ends instead of firing at a guessed time.
 */
export function rhythmStrategy(millis: number, opts: RepeatOptions): number | undefined {
  const rule = readRhythmPattern(opts.pattern);
  return rule ? nextWeeklyRun(millis, rule) : undefined;
}
