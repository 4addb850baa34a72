import { QUESTION_MAX } from '../domain/poll.js';

export type ParsedCommand =
  | { kind: 'poll'; question?: string; anonymous: boolean; hidden: boolean }
  | { kind: 'help' }
  | { kind: 'unknown'; word: string };

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
