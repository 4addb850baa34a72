import { describe, expect, it } from 'vitest';
import { percentages, prevailingTemperature, resultsVisible } from '../../src/domain/poll.js';
import { parseCommand } from '../../src/app/parse-command.js';
import { errorMessage, messages, toLocale } from '../../src/content/messages.js';
import { errorCodes } from '../../src/domain/errors.js';

describe('prevailing temperature', () => {
  it('is the option with the most votes', () => {
    expect(prevailingTemperature({ veel: 3, gemixt: 1, weinig: 0 })).toBe('veel');
    expect(prevailingTemperature({ veel: 0, gemixt: 1, weinig: 2 })).toBe('weinig');
  });
  it('is gemixt on any tie for first place', () => {
    expect(prevailingTemperature({ veel: 2, gemixt: 0, weinig: 2 })).toBe('gemixt');
    expect(prevailingTemperature({ veel: 2, gemixt: 2, weinig: 0 })).toBe('gemixt');
    expect(prevailingTemperature({ veel: 1, gemixt: 1, weinig: 1 })).toBe('gemixt');
  });
  it('is undefined without votes', () => {
    expect(prevailingTemperature({ veel: 0, gemixt: 0, weinig: 0 })).toBeUndefined();
  });
  it('computes whole percentages', () => {
    expect(percentages({ counts: { veel: 1, gemixt: 1, weinig: 1 }, voters: 3 })).toEqual({ veel: 33, gemixt: 33, weinig: 33 });
    expect(percentages({ counts: { veel: 0, gemixt: 0, weinig: 0 }, voters: 0 })).toEqual({ veel: 0, gemixt: 0, weinig: 0 });
  });
  it('shows the results of a hidden poll only once it is closed', () => {
    expect(resultsVisible({ hidden: false, status: 'open' })).toBe(true);
    expect(resultsVisible({ hidden: true, status: 'open' })).toBe(false);
    expect(resultsVisible({ hidden: true, status: 'closed' })).toBe(true);
  });
});

describe('parseCommand', () => {
  it('reads poll with and without a question', () => {
    expect(parseCommand('poll')).toEqual({ kind: 'poll', anonymous: true, hidden: false, question: undefined });
    expect(parseCommand('  poll   Gaan we ervoor? ')).toEqual({ kind: 'poll', anonymous: true, hidden: false, question: 'Gaan we ervoor?' });
  });
  it('reads the named flag in Dutch and English', () => {
    expect(parseCommand('poll --met-namen Echt?')).toEqual({ kind: 'poll', anonymous: false, hidden: false, question: 'Echt?' });
    expect(parseCommand('POLL --named')).toEqual({ kind: 'poll', anonymous: false, hidden: false, question: undefined });
  });
  it('reads the hidden flag in Dutch and English, in any order with the named flag', () => {
    expect(parseCommand('poll --verborgen Doen we mee?')).toEqual({ kind: 'poll', anonymous: true, hidden: true, question: 'Doen we mee?' });
    expect(parseCommand('poll --hidden --named')).toEqual({ kind: 'poll', anonymous: false, hidden: true, question: undefined });
    expect(parseCommand('poll --met-namen --verborgen x')).toEqual({ kind: 'poll', anonymous: false, hidden: true, question: 'x' });
  });
  it('treats help, hulp and nothing as help', () => {
    expect(parseCommand('help').kind).toBe('help');
    expect(parseCommand('hulp').kind).toBe('help');
    expect(parseCommand('').kind).toBe('help');
  });
  it('cuts very long questions and reports unknown words', () => {
    const parsed = parseCommand(`poll ${'x'.repeat(5000)}`);
    expect(parsed.kind === 'poll' && parsed.question?.length).toBe(300);
    expect(parseCommand('dansen nu')).toEqual({ kind: 'unknown', word: 'dansen' });
  });
});

describe('messages', () => {
  it('maps locale tags, English only when the tag says so', () => {
    expect(toLocale('en-US')).toBe('en');
    expect(toLocale('en')).toBe('en');
    expect(toLocale('nl-BE')).toBe('nl');
    expect(toLocale('fr-FR')).toBe('nl');
    expect(toLocale(undefined)).toBe('nl');
  });
  it('has the three labels of the method and a text for every error code in both languages', () => {
    expect(Object.values(messages('nl').optionButton)).toEqual(['Veel enthousiasme', 'Gemixt enthousiasme', 'Weinig enthousiasme']);
    for (const locale of ['nl', 'en'] as const) {
      for (const code of errorCodes) expect(errorMessage(locale, code, 'AB12CD34').length).toBeGreaterThan(10);
      expect(errorMessage(locale, 'unexpected', 'AB12CD34')).toContain('AB12CD34');
    }
    expect(messages('nl').errors.store_unavailable).toContain('even niet beschikbaar');
  });
});
