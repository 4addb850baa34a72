import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/app/parse-command.js';

describe('parseCommand: opvolg', () => {
  it('reads what, the mentioned owner (with the name Slack or Teams gives) and when', () => {
    expect(parseCommand('opvolg Offerte opvragen <@U123|An> volgende vrijdag')).toEqual({
      kind: 'follow-up',
      items: [{ what: 'Offerte opvragen', owner: { id: 'U123', name: 'An' }, when: 'volgende vrijdag' }],
    });
    expect(parseCommand('followup Book the hall <@U9> 15/12')).toEqual({ kind: 'follow-up', items: [{ what: 'Book the hall', owner: { id: 'U9' }, when: '15/12' }] });
  });

  it('reads a list, one per line: bullets and the command word may start a later line, empty lines are skipped', () => {
    const text = ['opvolg Offerte opvragen <@UAN> vrijdag', '', '- Zaal boeken <@UBOB> 15/12', '• opvolg Affiche maken <@UCAR> over 2 weken', '* followup Bus <@UAN> 2027-01-10'].join('\n');
    const parsed = parseCommand(text);
    expect(parsed.kind).toBe('follow-up');
    if (parsed.kind !== 'follow-up') return;
    expect(parsed.items.map((i) => [i.what, i.owner.id, i.when])).toEqual([
      ['Offerte opvragen', 'UAN', 'vrijdag'],
      ['Zaal boeken', 'UBOB', '15/12'],
      ['Affiche maken', 'UCAR', 'over 2 weken'],
      ['Bus', 'UAN', '2027-01-10'],
    ]);
  });

  it('shows how to write it when any line misses a part, or when the list is longer than one message holds', () => {
    expect(parseCommand('opvolg Offerte opvragen <@UAN> vrijdag\nZaal boeken 15/12')).toEqual({ kind: 'follow-up-usage' });
    expect(parseCommand('opvolg <@UAN> vrijdag')).toEqual({ kind: 'follow-up-usage' });
    expect(parseCommand('opvolg')).toEqual({ kind: 'follow-up-usage' });
    const lines = Array.from({ length: 21 }, (_, i) => `Punt ${i} <@UAN> vrijdag`);
    expect(parseCommand(`opvolg ${lines.join('\n')}`)).toEqual({ kind: 'follow-up-usage' });
    expect(parseCommand(`opvolg ${lines.slice(0, 20).join('\n')}`)).toMatchObject({ kind: 'follow-up', items: expect.arrayContaining([]) });
  });
});
