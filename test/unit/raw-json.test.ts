import { describe, expect, it } from 'vitest';
import { RawJson, serializeBody } from '../../src/platforms/teams/raw-json.js';

describe('serializeBody', () => {
  it('splices a pre-serialised card in as text and gives the same JSON as a full serialisation', () => {
    const card = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Quotes " and \\ and 🌡️' }] };
    const body = { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: new RawJson(JSON.stringify(card)) };
    expect(JSON.parse(serializeBody(body))).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card });
    expect(JSON.parse(serializeBody({ value: new RawJson('{"a":1}') }))).toEqual({ value: { a: 1 } });
    // Anything else that serialises it still gets the card.
    expect(JSON.parse(JSON.stringify(body))).toEqual(JSON.parse(serializeBody(body)));
  });

  it('serialises everything else as JSON.stringify does', () => {
    for (const payload of [{ a: 1 }, [1, 2], 'text', { value: { plain: true } }, null]) {
      expect(serializeBody(payload)).toBe(JSON.stringify(payload));
    }
  });
});
