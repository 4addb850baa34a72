import { describe, expect, it } from 'vitest';
import { assertAdaptiveCard, validateAdaptiveCard } from '../support/adaptive-card-validate.js';

const card = (body: unknown[], actions: unknown[] = [], extra: Record<string, unknown> = {}) => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  actions,
  ...extra,
});

const validCard = card(
  [
    { type: 'TextBlock', text: 'Nieuwe samenwerking', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'FactSet', facts: [{ title: 'Partner', value: 'Gemeente X' }] },
    { type: 'Input.Text', id: 'note', label: 'Notitie', isMultiline: true },
    { type: 'Input.ChoiceSet', id: 'role', label: 'Rol', choices: [{ title: 'Lead', value: 'lead' }] },
    { type: 'ColumnSet', columns: [{ type: 'Column', width: 'auto', items: [{ type: 'Image', url: 'https://x/y.png', altText: 'y' }] }] },
  ],
  [
    { type: 'Action.Execute', title: 'Meedoen', verb: 'collab.join', data: { collabId: 'c-1', nested: { a: [1, 2] } } },
    { type: 'Action.OpenUrl', title: 'Open', url: 'https://example.org' },
  ],
);

function expectProblem(json: unknown, re: RegExp): void {
  const problems = validateAdaptiveCard(json);
  expect(problems.some((p) => re.test(p)), `expected ${String(re)} in:\n${problems.join('\n')}`).toBe(true);
}

describe('validateAdaptiveCard', () => {
  it('accepts a valid 1.5 card with Action.Execute (verb + data)', () => {
    expect(validateAdaptiveCard(validCard)).toEqual([]);
    expect(validateAdaptiveCard(JSON.stringify(validCard))).toEqual([]);
    expect(() => assertAdaptiveCard(validCard)).not.toThrow();
  });

  it('reports unknown element and action types (library parse events)', () => {
    expectProblem(card([{ type: 'TextBlok', text: 'x' }]), /parse UnknownElementType: Unknown element type "TextBlok"/);
    expectProblem(card([{ type: 'Container', items: [{ type: 'Nope' }] }]), /UnknownElementType.*"Nope"/);
    expectProblem(card([], [{ type: 'Action.Exec', title: 'x' }]), /parse UnknownActionType/);
  });

  it('reports missing required properties (library validation and our extra table)', () => {
    expectProblem(card([], [{ type: 'Action.OpenUrl', title: 'x' }]), /validate PropertyCantBeNull: Property "url" must be set/);
    expectProblem(card([{ type: 'Input.Text', label: 'x' }]), /All inputs must have a unique Id/);
    expectProblem(card([], [{ type: 'Action.ShowCard', title: 'x' }]), /"card" property/);
    expectProblem(card([{ type: 'TextBlock' }]), /^body\[0\]: TextBlock is missing required property "text"/);
    expectProblem(card([{ type: 'Image' }]), /Image is missing required property "url"/);
    expectProblem(card([{ type: 'FactSet', facts: [{ title: 'a' }] }]), /body\[0\]\.facts\[0\]: needs string "title" and "value"/);
  });

  it('reports other library validation failures', () => {
    expectProblem(card([{ type: 'TextBlock', text: 'x', size: 'Huge' }]), /InvalidPropertyValue/);
    expectProblem(card([{ type: 'TextBlock', id: 'a', text: 'x' }, { type: 'TextBlock', id: 'a', text: 'y' }]), /DuplicateId/);
    expectProblem(card([{ type: 'Input.ChoiceSet', id: 'c', label: 'c', choices: [] }]), /CollectionCantBeEmpty/);
    const six = [1, 2, 3, 4, 5, 6].map((i) => ({ type: 'Action.Execute', title: `a${i}`, verb: 'v' }));
    expectProblem(card([], six), /TooManyActions/);
  });

  it('checks the card envelope: type and version', () => {
    expectProblem({ version: '1.5', body: [] }, /^type: must be "AdaptiveCard"/);
    expectProblem(card([], [], { version: undefined }), /^version: must be a "major.minor" string/);
    expectProblem(card([], [], { version: '1.6' }), /1\.6 is newer than 1\.5/);
    expectProblem(card([], [{ type: 'Action.Execute', title: 'x', verb: 'v' }], { version: '1.4' }), /Action\.Execute requires card version 1\.5/);
    expect(validateAdaptiveCard('{not json')[0]).toMatch(/^not valid JSON/);
    expect(validateAdaptiveCard([])).toEqual(['card must be a JSON object']);
  });

  it('reports leftover ${...} templating expressions with their path', () => {
    expectProblem(card([{ type: 'TextBlock', text: 'Hallo ${name}' }]), /^body\[0\]\.text: unexpanded template expression/);
    expectProblem(card([], [{ type: 'Action.Execute', title: 'x', verb: 'v', data: { id: '${id}' } }]), /^actions\[0\]\.data\.id: unexpanded/);
  });

  it('assertAdaptiveCard throws listing all problems', () => {
    expect(() => assertAdaptiveCard(card([{ type: 'Nope' }, { type: 'TextBlock', text: '${x}' }]))).toThrow(
      /Invalid Adaptive Card \(2 problem\(s\)\)[\s\S]*unexpanded[\s\S]*UnknownElementType/,
    );
  });
});
