import { QUESTION_MAX } from '../domain/poll.js';

export type ParsedCommand =
  | { kind: 'poll'; question?: string; anonymous: boolean }
  | { kind: 'help' }
  | { kind: 'unknown'; word: string };

const NAMED_FLAGS = new Set(['--named', '--met-namen', '--benoemd']);

/**
 * Parses the text after the command (`/werktsamen ...` or a mention of the bot).
 * An empty text means help. Questions longer than the card allows are cut, not refused.
 */
export function parseCommand(text: string): ParsedCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const first = (words.shift() ?? 'help').toLowerCase();
  if (first === 'help' || first === 'hulp' || first === '?') return { kind: 'help' };
  if (first === 'poll' || first === 'peiling' || first === 'temperatuur') {
    let anonymous = true;
    while (words[0] && NAMED_FLAGS.has(words[0].toLowerCase())) {
      anonymous = false;
      words.shift();
    }
    const question = words.join(' ').slice(0, QUESTION_MAX).trim();
    return { kind: 'poll', anonymous, question: question === '' ? undefined : question };
  }
  return { kind: 'unknown', word: first.slice(0, 40) };
}
