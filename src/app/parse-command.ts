import { TITLE_MAX, type ReminderNumber, type Step } from '../domain/collaboration.js';
import { QUESTION_MAX } from '../domain/poll.js';

export type ParsedCommand =
  | { kind: 'poll'; question?: string; anonymous: boolean; hidden: boolean }
  | { kind: 'help' }
  | { kind: 'start'; title?: string }
  | { kind: 'list' }
  | { kind: 'step'; step?: Step }
  | { kind: 'reminder'; n?: ReminderNumber }
  | { kind: 'decide' }
  | { kind: 'decisions' }
  | { kind: 'dossier' }
  | { kind: 'forget' }
  | { kind: 'unknown'; word: string };

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
};

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
  const simple = SIMPLE[first];
  if (simple) return simple;
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
