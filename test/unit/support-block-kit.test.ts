import { describe, expect, it } from 'vitest';
import { assertBlockKit, checkBlockKit } from '../support/block-kit-check.js';

const pt = (text: string) => ({ type: 'plain_text', text });
const md = (text: string) => ({ type: 'mrkdwn', text });
const button = (action_id: string, over: Record<string, unknown> = {}) => ({ type: 'button', action_id, text: pt('Ok'), value: 'v', ...over });

const good = {
  text: 'Nieuwe samenwerking',
  blocks: [
    { type: 'header', text: pt('Samenwerking') },
    { type: 'section', block_id: 's1', text: md('*Hallo*'), fields: [md('a'), md('b')], accessory: button('acc') },
    { type: 'divider' },
    { type: 'context', elements: [md('ctx'), { type: 'image', image_url: 'https://x/y.png', alt_text: 'y' }] },
    { type: 'actions', block_id: 'a1', elements: [button('yes'), button('no', { url: 'https://example.org' })] },
    { type: 'image', image_url: 'https://x/y.png', alt_text: 'logo' },
    { type: 'input', label: pt('Naam'), element: { type: 'plain_text_input', action_id: 'name' } },
    { type: 'rich_text', elements: [] },
  ],
};

/** Asserts `problems` has exactly one entry and that it matches `re`. */
function expectOne(blocks: unknown[], re: RegExp, message: { text?: string } = { text: 'fallback' }): void {
  const problems = checkBlockKit({ blocks, ...message });
  expect(problems, problems.join('\n')).toHaveLength(1);
  expect(problems[0]).toMatch(re);
}

describe('checkBlockKit', () => {
  it('accepts a valid message using every supported block type', () => {
    expect(checkBlockKit(good)).toEqual([]);
    expect(() => assertBlockKit(good)).not.toThrow();
  });

  it('requires a top-level text fallback', () => {
    expectOne([{ type: 'divider' }], /^text: missing top-level text fallback/, {});
    expectOne([{ type: 'divider' }], /^text: missing/, { text: '  ' });
  });

  it('limits the number of blocks to 50', () => {
    expectOne(Array.from({ length: 51 }, () => ({ type: 'divider' })), /^blocks: 51 blocks \(max 50\)/);
    expect(checkBlockKit({ text: 't', blocks: Array.from({ length: 50 }, () => ({ type: 'divider' })) })).toEqual([]);
  });

  it('checks section text and fields', () => {
    expectOne([{ type: 'section', text: md('x'.repeat(3001)) }], /^blocks\[0\]\.text: text is 3001 chars \(max 3000\)/);
    expect(checkBlockKit({ text: 't', blocks: [{ type: 'section', text: md('x'.repeat(3000)) }] })).toEqual([]);
    expectOne([{ type: 'section', fields: Array.from({ length: 11 }, () => md('f')) }], /11 fields \(max 10\)/);
    expectOne([{ type: 'section', fields: [md('x'.repeat(2001))] }], /^blocks\[0\]\.fields\[0\]: text is 2001 chars \(max 2000\)/);
    expectOne([{ type: 'section' }], /section needs text or fields/);
  });

  it('checks header length and type', () => {
    expectOne([{ type: 'header', text: pt('x'.repeat(151)) }], /151 chars \(max 150\)/);
    expectOne([{ type: 'header', text: md('x') }], /must be a plain_text text object/);
  });

  it('checks element counts of context and actions blocks', () => {
    expectOne([{ type: 'context', elements: Array.from({ length: 11 }, () => md('c')) }], /11 elements \(max 10\)/);
    expectOne([{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button(`b${i}`)) }], /26 elements \(max 25\)/);
  });

  it('checks button text, value and url', () => {
    expectOne([{ type: 'actions', elements: [button('b', { text: pt('x'.repeat(76)) })] }], /\.text: text is 76 chars \(max 75\)/);
    expectOne([{ type: 'actions', elements: [button('b', { value: 'x'.repeat(2001) })] }], /button value is 2001 chars/);
    expectOne([{ type: 'actions', elements: [button('b', { url: `https://x/${'x'.repeat(3000)}` })] }], /button url is \d+ chars \(max 3000\)/);
    expectOne([{ type: 'actions', elements: [button('b', { text: md('*x*') })] }], /must be a plain_text/);
  });

  it('checks action_id / block_id length and uniqueness across the message', () => {
    expectOne([{ type: 'actions', elements: [button('a'.repeat(256))] }], /action_id is 256 chars \(max 255\)/);
    expectOne([{ type: 'divider', block_id: 'b'.repeat(256) }], /block_id is 256 chars/);
    expectOne(
      [{ type: 'actions', elements: [button('dup')] }, { type: 'section', text: md('s'), accessory: button('dup') }],
      /^blocks\[1\]\.accessory\.action_id: duplicate action_id "dup" \(first at blocks\[0\]\.elements\[0\]\.action_id\)/,
    );
    expectOne([{ type: 'divider', block_id: 'x' }, { type: 'divider', block_id: 'x' }], /duplicate block_id "x"/);
  });

  it('rejects unknown block types and malformed text objects', () => {
    expectOne([{ type: 'sektion', text: md('x') }], /^blocks\[0\]: unknown block type "sektion"/);
    expectOne([{ text: md('x') }], /unknown block type undefined/);
    expectOne([{ type: 'section', text: { type: 'markdown', text: 'x' } }], /type must be plain_text or mrkdwn/);
    expectOne([{ type: 'section', text: md('') }], /empty or missing text/);
  });

  it('assertBlockKit throws with every problem listed', () => {
    const bad = { blocks: [{ type: 'nope' }, { type: 'header', text: pt('') }] };
    expect(() => assertBlockKit(bad)).toThrow(/3 problem\(s\)[\s\S]*text: missing[\s\S]*unknown block type "nope"[\s\S]*empty or missing text/);
  });
});
