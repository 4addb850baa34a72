import { describe, expect, it } from 'vitest';
import { newPartnerId } from '../../src/app/collab/worksheets.js';
import { listOrder } from '../../src/domain/worksheet-entries.js';
import type { AnswerSet } from '../../src/domain/collaboration.js';

const partner = (item: string, at: number, naam: string): AnswerSet => ({ by: { id: 'U1' }, at, item, values: { naam } });

describe('partners keep the order in which they were added', () => {
  it('lists a partner edited last in its place, not at the end', () => {
    const first = partner(newPartnerId(Date.UTC(2026, 10, 1)), Date.UTC(2026, 10, 20), 'Eerst toegevoegd, laatst bewerkt');
    const second = partner(newPartnerId(Date.UTC(2026, 10, 2)), Date.UTC(2026, 10, 2), 'Tweede');
    const third = partner(newPartnerId(Date.UTC(2026, 10, 3)), Date.UTC(2026, 10, 3), 'Derde');
    expect(listOrder([second, third, first]).map((p) => p.values.naam)).toEqual(['Eerst toegevoegd, laatst bewerkt', 'Tweede', 'Derde']);
  });

  it('gives two partners added in the same millisecond different ids of the stored shape', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newPartnerId(Date.UTC(2026, 10, 1))));
    expect(ids.size).toBeGreaterThan(45);
    for (const id of ids) expect(id).toMatch(/^p[0-9a-f]{15}$/);
  });
});
