/**
 * Validates Adaptive Card JSON with Microsoft's own `adaptivecards` renderer library,
 * plus a few checks it does not do (see {@link validateAdaptiveCard}).
 *
 * Why createRequire: the package's "main" (lib/adaptivecards.js) is ESM syntax without
 * "type": "module" and uses extensionless imports, so Node cannot load it. The UMD bundle
 * in dist/ loads fine under Node and parsing/validation needs no DOM.
 */
import { createRequire } from 'node:module';
import type * as ACModule from 'adaptivecards';

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof ACModule;

/** Teams supports Adaptive Cards up to schema 1.5; Action.Execute needs 1.5 as well. */
const TARGET_VERSION = '1.5';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Properties the schema marks required but the library's parser/validator silently
 * accepts when missing (verified against adaptivecards 3.0.6). Keyed by element `type`.
 */
const REQUIRED_EXTRA: Record<string, string[]> = {
  TextBlock: ['text'],
  Image: ['url'],
  Media: ['sources'],
  'Action.ToggleVisibility': ['targetElements'],
};

function versionLess(a: string, b: string): boolean {
  const [aMaj = 0, aMin = 0] = a.split('.').map(Number);
  const [bMaj = 0, bMin = 0] = b.split('.').map(Number);
  return aMaj < bMaj || (aMaj === bMaj && aMin < bMin);
}

/** Walks the raw JSON for templating leftovers, missing required props and Action.Execute. */
function structuralProblems(card: Obj): string[] {
  const problems: string[] = [];
  let usesExecute = false;
  const walk = (node: unknown, path: string): void => {
    if (typeof node === 'string') {
      if (node.includes('${')) problems.push(`${path}: unexpanded template expression in ${JSON.stringify(node.slice(0, 80))}`);
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}[${i}]`));
      return;
    }
    if (!isObj(node)) return;
    const type = node['type'];
    if (type === 'Action.Execute') usesExecute = true;
    if (typeof type === 'string') {
      for (const prop of REQUIRED_EXTRA[type] ?? []) {
        const v = node[prop];
        if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) {
          problems.push(`${path}: ${type} is missing required property "${prop}"`);
        }
      }
    }
    // Facts and choices have no `type`, so recognise them by their parent's array name.
    for (const [listName, a, b] of [['facts', 'title', 'value'], ['choices', 'title', 'value']] as const) {
      const list = node[listName];
      if (!Array.isArray(list)) continue;
      list.forEach((item, i) => {
        if (!isObj(item) || typeof item[a] !== 'string' || typeof item[b] !== 'string') {
          problems.push(`${path}.${listName}[${i}]: needs string "${a}" and "${b}"`);
        }
      });
    }
    for (const [key, value] of Object.entries(node)) {
      if (key.includes('${')) problems.push(`${path}: unexpanded template expression in key ${JSON.stringify(key)}`);
      walk(value, path === '' ? key : `${path}.${key}`);
    }
  };

  if (card['type'] !== 'AdaptiveCard') problems.push(`type: must be "AdaptiveCard", got ${JSON.stringify(card['type'])}`);
  const version = card['version'];
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)) {
    problems.push(`version: must be a "major.minor" string, got ${JSON.stringify(version)}`);
  } else {
    if (versionLess(TARGET_VERSION, version)) problems.push(`version: ${version} is newer than ${TARGET_VERSION} (Teams' maximum)`);
  }
  walk(card, '');
  if (usesExecute && typeof version === 'string' && versionLess(version, '1.5')) {
    problems.push(`version: Action.Execute requires card version 1.5, card declares ${version}`);
  }
  return problems;
}

/**
 * Returns every problem found in an Adaptive Card (empty array = valid):
 * - parse events from the library (unknown element/action types, invalid enum values,
 *   actions not allowed in context, ...), excluding mere hints;
 * - `card.validateProperties()` failures (missing ids/urls, empty choice sets, duplicate
 *   ids, too many actions per the default host config's limit of 5, ...);
 * - top-level `type`/`version` sanity, version ≤ 1.5, Action.Execute needs 1.5;
 * - required properties the library misses (TextBlock.text, Image.url, facts, choices, ...);
 * - leftover `${...}` templating expressions anywhere in the JSON.
 *
 * @param json the card object, or its JSON string.
 */
export function validateAdaptiveCard(json: unknown): string[] {
  let parsed: unknown = json;
  if (typeof json === 'string') {
    try {
      parsed = JSON.parse(json) as unknown;
    } catch (err) {
      return [`not valid JSON: ${(err as Error).message}`];
    }
  }
  if (!isObj(parsed)) return ['card must be a JSON object'];

  const problems = structuralProblems(parsed);
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(parsed, ctx);
  const describe = (e: ACModule.IValidationEvent, phase: string): string =>
    `${phase} ${AC.ValidationEvent[e.event] ?? e.event}: ${e.message}`;
  for (let i = 0; i < ctx.eventCount; i++) {
    const e = ctx.getEventAt(i);
    if (e.event !== AC.ValidationEvent.Hint) problems.push(describe(e, 'parse'));
  }
  for (const e of card.validateProperties().validationEvents) {
    if (e.event !== AC.ValidationEvent.Hint) problems.push(describe(e, 'validate'));
  }
  return problems;
}

/** Throws an Error listing every problem found by {@link validateAdaptiveCard}. */
export function assertAdaptiveCard(json: unknown): void {
  const problems = validateAdaptiveCard(json);
  if (problems.length > 0) {
    throw new Error(`Invalid Adaptive Card (${problems.length} problem(s)):\n- ${problems.join('\n- ')}`);
  }
}
