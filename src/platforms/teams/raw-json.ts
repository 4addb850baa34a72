/**
 * A card that is already JSON text. An invoke response card is built as text (see
 * cards/render.ts) and goes onto the wire as it is, saving a parse and a re-serialisation per
 * vote. Anything else that serialises it (a transcript logger, say) still gets the same JSON.
 */
export class RawJson {
  constructor(readonly json: string) {}

  toJSON(): unknown {
    return JSON.parse(this.json);
  }
}

/** JSON.stringify, except that a RawJson `value` at the top level is spliced in as text. */
export function serializeBody(payload: unknown): string {
  if (typeof payload === 'object' && payload !== null && 'value' in payload && payload.value instanceof RawJson) {
    const { value, ...rest } = payload as { value: RawJson } & Record<string, unknown>;
    const head = JSON.stringify(rest);
    return head === '{}' ? `{"value":${value.json}}` : `${head.slice(0, -1)},"value":${value.json}}`;
  }
  return JSON.stringify(payload);
}
