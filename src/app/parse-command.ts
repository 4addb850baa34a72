import { NAME_MAX, TITLE_MAX, type Person, type ReminderNumber, type Step, type WorksheetId } from '../domain/collaboration.js';
import { FOLLOW_UP_TEXT_MAX, FOLLOW_UPS_PER_ADD } from '../domain/follow-up.js';
import { QUESTION_MAX } from '../domain/poll.js';

export type ParsedCommand =
  | { kind: 'poll'; question?: string; anonymous: boolean; hidden: boolean }
  | { kind: 'help' }
  | { kind: 'start'; title?: string }
  | { kind: 'list' }
  | { kind: 'step'; step?: Step }
  | { kind: 'reminder'; n?: ReminderNumber }
  | { kind: 'reminder-schedule'; rhythm: { weekday: number; hour: number; minute: number; everyWeeks: 1 | 2 } }
  | { kind: 'reminder-stop' }
  | { kind: 'decide' }
  | { kind: 'decisions' }
  | { kind: 'dossier' }
  | { kind: 'forget' }
  | { kind: 'worksheet'; sheet: WorksheetId }
  /** Search the workspace's register of external organisations; no name means "say how". */
  | { kind: 'register'; name?: string }
  /** Set (or, without a zone, show) the collaboration's time zone. */
  | { kind: 'time-zone'; zone?: string }
  /** `opvolg <wat> @persoon <wanneer>`: the mention is the owner; missing parts mean "say how". */
  | { kind: 'follow-up'; items: FollowUpLine[] }
  | { kind: 'follow-up-usage' }
  /** The thread's open follow-ups. */
  | { kind: 'follow-ups' }
  | { kind: 'mine' }
  | { kind: 'unknown'; word: string };

const WEEKDAYS: Record<string, number> = {
  zondag: 0, maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6,
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

/**
 * `[2 weken|weeks] [weekday] [9:00|9.30|9u|9]` after `elke`/`every`; weekday and time default to
 * Monday 9:00. Anything else is not a rhythm (undefined), so nothing is ever guessed.
 */
function parseRhythm(words: string[]): { weekday: number; hour: number; minute: number; everyWeeks: 1 | 2 } | undefined {
  let everyWeeks: 1 | 2 = 1;
  let weekday = 1;
  let hour = 9;
  let minute = 0;
  let i = 0;
  if (words[i] === '2' && (words[i + 1] === 'weken' || words[i + 1] === 'weeks')) {
    everyWeeks = 2;
    i += 2;
  } else if (words[i] === 'week') i += 1;
  if (words[i] !== undefined && WEEKDAYS[words[i]!] !== undefined) weekday = WEEKDAYS[words[i++]!]!;
  if (words[i] === 'om' || words[i] === 'at') i += 1;
  if (words[i] !== undefined) {
    const time = /^([01]?\d|2[0-3])(?:[:.]([0-5]\d)|u([0-5]\d)?)?$/.exec(words[i]!);
    if (!time) return undefined;
    hour = Number(time[1]);
    minute = Number(time[2] ?? time[3] ?? 0);
    i += 1;
  }
  return i === words.length ? { weekday, hour, minute, everyWeeks } : undefined;
}

/** Commands without arguments, in Dutch and English. */
const SIMPLE: Record<string, ParsedCommand> = {
  overzicht: { kind: 'list' },
  list: { kind: 'list' },
  besluit: { kind: 'decide' },
  decide: { kind: 'decide' },
  beslissing: { kind: 'decide' },
  besluiten: { kind: 'decisions' },
  beslissingen: { kind: 'decisions' },
  decisions: { kind: 'decisions' },
  dossier: { kind: 'dossier' },
  export: { kind: 'dossier' },
  vergeet: { kind: 'forget' },
  forget: { kind: 'forget' },
  voorwaarden: { kind: 'worksheet', sheet: 'conditions' },
  conditions: { kind: 'worksheet', sheet: 'conditions' },
  vorm: { kind: 'worksheet', sheet: 'form' },
  form: { kind: 'worksheet', sheet: 'form' },
  partners: { kind: 'worksheet', sheet: 'partners' },
  afspraken: { kind: 'worksheet', sheet: 'agreements' },
  agreements: { kind: 'worksheet', sheet: 'agreements' },
  intern: { kind: 'worksheet', sheet: 'internal' },
  interne: { kind: 'worksheet', sheet: 'internal' },
  internal: { kind: 'worksheet', sheet: 'internal' },
  externen: { kind: 'worksheet', sheet: 'externals' },
  externals: { kind: 'worksheet', sheet: 'externals' },
  opvolgpunten: { kind: 'follow-ups' },
  followups: { kind: 'follow-ups' },
  mijn: { kind: 'mine' },
  mine: { kind: 'mine' },
};

const FOLLOW_UP_WORDS = new Set(['opvolg', 'opvolgpunt', 'followup', 'follow-up']);
/**
 * A person as the platform edge writes them into the text: Slack's own `<@U123>` or `<@U123|name>`;
 * Teams mentions are rewritten to the same form before parsing.
 */
const MENTION = /<@([^|>\s]{1,128})(?:\|([^>]*))?>/;
/** The longest date text worth reading ("volgende week dinsdag" and the like fit easily). */
const WHEN_MAX = 60;

/** One follow-up as typed: what, who (a mention) and when (a date still to be read). */
export interface FollowUpLine {
  what: string;
  owner: Person;
  when: string;
}

function parseFollowUpLine(line: string): FollowUpLine | undefined {
  const m = MENTION.exec(line);
  if (!m) return undefined;
  const what = line.slice(0, m.index).trim().slice(0, FOLLOW_UP_TEXT_MAX);
  const when = line.slice(m.index + m[0].length).trim().slice(0, WHEN_MAX);
  if (what === '' || when === '') return undefined;
  const name = m[2]?.trim().slice(0, NAME_MAX);
  return { what, owner: name ? { id: m[1]!, name } : { id: m[1]! }, when };
}

/** A later line of a list: a bullet and the command word may start it. */
const LINE_START = /^\s*(?:[-*•]\s*)?(?:(?:opvolg|opvolgpunt|followup|follow-up)\s+)?/i;

/**
 * `opvolg <wat> @persoon <wanneer>`, or several, one per line (a list pasted after a meeting). Any
 * line that does not read as one, or more lines than one message lists, and the usage is shown.
 */
function parseFollowUp(rest: string): ParsedCommand {
  const lines = rest
    .split(/\r?\n/)
    .map((line, i) => (i === 0 ? line : line.replace(LINE_START, '')))
    .filter((line) => line.trim() !== '');
  if (lines.length === 0 || lines.length > FOLLOW_UPS_PER_ADD) return { kind: 'follow-up-usage' };
  const items = lines.map(parseFollowUpLine);
  return items.every((i): i is FollowUpLine => i !== undefined) ? { kind: 'follow-up', items } : { kind: 'follow-up-usage' };
}

const NAMED_FLAGS = new Set(['--named', '--met-namen', '--benoemd']);
const HIDDEN_FLAGS = new Set(['--hidden', '--verborgen']);

/**
 * Parses the text after the command (`/werktsamen ...` or a mention of the bot).
 * An empty text means help. Options come first, in any order; questions longer than the card
 * allows are cut, not refused.
 */
export function parseCommand(text: string): ParsedCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const first = (words.shift() ?? 'help').toLowerCase();
  if (first === 'help' || first === 'hulp' || first === '?') return { kind: 'help' };
  const simple = Object.hasOwn(SIMPLE, first) ? SIMPLE[first] : undefined;
  if (simple) return simple;
  // "interne partners" / "internal partners": two words for one sheet.
  if ((first === 'interne' || first === 'internal') && words.length === 1 && words[0]!.toLowerCase() === 'partners') return { kind: 'worksheet', sheet: 'internal' };
  if (first === 'register') {
    const name = words.join(' ').slice(0, 100).trim();
    return { kind: 'register', name: name === '' ? undefined : name };
  }
  if (FOLLOW_UP_WORDS.has(first)) return parseFollowUp(text.trim().replace(/^\S+\s*/, ''));
  if (first === 'tijdzone' || first === 'timezone') return { kind: 'time-zone', zone: words[0] };
  if (first === 'start') {
    const title = words.join(' ').slice(0, TITLE_MAX).trim();
    return { kind: 'start', title: title === '' ? undefined : title };
  }
  // "stap 2", "step 2", and the joined forms "stap2" / "step2".
  const joined = /^(?:stap|step)([1-4])$/.exec(first);
  if (joined) return { kind: 'step', step: Number(joined[1]) as Step };
  if (first === 'reminder' || first === 'herinnering') {
    // `reminder` alone posts the next one; `reminder 4` that one. Other words are not understood (yet), not guessed.
    if (words.length === 0) return { kind: 'reminder' };
    if (words.length === 1 && /^(10|[1-9])$/.test(words[0]!)) return { kind: 'reminder', n: Number(words[0]) };
    const next = words[0]!.toLowerCase();
    if (words.length === 1 && (next === 'stop' || next === 'stoppen')) return { kind: 'reminder-stop' };
    if (next === 'elke' || next === 'every') {
      const rhythm = parseRhythm(words.slice(1).map((w) => w.toLowerCase()));
      if (rhythm) return { kind: 'reminder-schedule', rhythm };
    }
    return { kind: 'unknown', word: `${first} ${words.join(' ')}`.slice(0, 40) };
  }
  if (first === 'stap' || first === 'step') {
    const n = /^[1-4]$/.test(words[0] ?? '') ? (Number(words[0]) as Step) : undefined;
    return { kind: 'step', step: n };
  }
  if (first === 'poll' || first === 'peiling' || first === 'temperatuur') {
    let anonymous = true;
    let hidden = false;
    for (let flag = words[0]?.toLowerCase(); flag && (NAMED_FLAGS.has(flag) || HIDDEN_FLAGS.has(flag)); flag = words[0]?.toLowerCase()) {
      if (NAMED_FLAGS.has(flag)) anonymous = false;
      else hidden = true;
      words.shift();
    }
    const question = words.join(' ').slice(0, QUESTION_MAX).trim();
    return { kind: 'poll', anonymous, hidden, question: question === '' ? undefined : question };
  }
  return { kind: 'unknown', word: first.slice(0, 40) };
}
