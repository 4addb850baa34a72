import { describe, expect, it } from 'vitest';
import { newPollId } from '../../src/app/open-poll.js';
import { Pseudonyms } from '../../src/app/pseudonyms.js';

const slack = { platform: 'slack' as const, tenant: 'T1' };

describe('random ids', () => {
  it('are 16 URL-safe characters and never repeat, also across draws from the random source', () => {
    // 256 ids come from one draw; 2,000 cross several.
    const ids = Array.from({ length: 2000 }, () => newPollId());
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('person pseudonyms', () => {
  it('are the same whether kept or made anew, and differ per person, workspace and secret', () => {
    const kept = new Pseudonyms('secret-a-0123456789-abcdefghijklmnop');
    const first = kept.person(slack, 'U1');
    expect(kept.person(slack, 'U1')).toBe(first);
    expect(new Pseudonyms('secret-a-0123456789-abcdefghijklmnop').person(slack, 'U1')).toBe(first);
    expect(kept.person(slack, 'U2')).not.toBe(first);
    expect(kept.person({ platform: 'slack', tenant: 'T2' }, 'U1')).not.toBe(first);
    expect(kept.person({ platform: 'teams', tenant: 'T1' }, 'U1')).not.toBe(first);
    expect(new Pseudonyms('secret-b-0123456789-abcdefghijklmnop').person(slack, 'U1')).not.toBe(first);
    expect(first).not.toContain('U1');
  });

  it('stay right when more people pass than the process keeps', () => {
    const kept = new Pseudonyms('secret-a-0123456789-abcdefghijklmnop');
    const fresh = (id: string) => new Pseudonyms('secret-a-0123456789-abcdefghijklmnop').person(slack, id);
    const first = kept.person(slack, 'U0');
    for (let i = 1; i <= 12_000; i++) kept.person(slack, `U${i}`);
    expect(kept.person(slack, 'U0')).toBe(first);
    for (const id of ['U1', 'U9999', 'U10000', 'U12000']) expect(kept.person(slack, id)).toBe(fresh(id));
  });

  it('cannot be confused by ids that run into the workspace', () => {
    const kept = new Pseudonyms('secret-a-0123456789-abcdefghijklmnop');
    expect(kept.person({ platform: 'slack', tenant: 'T1' }, 'U1')).not.toBe(kept.person({ platform: 'slack', tenant: 'T' }, '1U1'));
  });
});
