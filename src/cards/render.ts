import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ACData from 'adaptivecards-templating';
import type { PollCardModel } from './poll-card-model.js';

// Both src/cards and dist/cards sit two levels below the project root, beside cards/.
const templateDir = fileURLToPath(new URL('../../cards/', import.meta.url));

export type CardName = 'poll' | 'notice' | 'root' | 'step' | 'decision' | 'summary' | 'choose' | 'confirm' | 'offer' | 'link' | 'worksheet' | 'followups' | 'chase';
export type PlatformName = 'slack' | 'teams';

// Parsing a template is the expensive part of setting up; keep one per card.
const templates = new Map<string, ACData.Template>();

function template(platform: PlatformName, name: CardName): ACData.Template {
  const key = `${platform}/${name}`;
  let t = templates.get(key);
  if (!t) {
    t = new ACData.Template(JSON.parse(readFileSync(`${templateDir}${key}.json`, 'utf8')));
    templates.set(key, t);
  }
  return t;
}

/*
 * Expansion evaluates every expression on each call, which is too slow for a card per vote. Our
 * templates only ever insert text and test booleans or emptiness, so the expanded card depends on
 * the model's *shape* (booleans, which strings are empty, list lengths) and the text values only
 * fill in. We expand once per shape with numbered tokens in place of the non-empty strings, keep
 * that JSON, and fill in the values. test/unit/cards.test.ts checks this equals a direct expansion.
 */
// Private-use characters: JSON.stringify leaves them as they are, and no real text contains them.
const TOKEN = /\uE000(\d+)\uE001/g;
const TOKEN_CHAR = /[\uE000\uE001]/;
const shapes = new Map<string, string>();
const SHAPES_MAX = 1000;

/** Collects the non-empty strings in traversal order and a code for the shape around them. */
function scan(value: unknown, texts: string[], shape: string[]): void {
  if (typeof value === 'string') {
    if (value === '') shape.push('e');
    else {
      texts.push(value);
      shape.push('s');
    }
  } else if (Array.isArray(value)) {
    shape.push(`[${value.length}`);
    for (const v of value) scan(v, texts, shape);
  } else if (typeof value === 'object' && value !== null) {
    shape.push('{');
    for (const k in value) {
      shape.push(k);
      scan((value as Record<string, unknown>)[k], texts, shape);
    }
    shape.push('}');
  } else shape.push(String(value));
}

/** The model with its non-empty strings replaced by numbered tokens, in the same order as scan(). */
function tokenize(value: unknown, next: { i: number }): unknown {
  if (typeof value === 'string') return value === '' ? value : `\uE000${next.i++}\uE001`;
  if (Array.isArray(value)) return value.map((v) => tokenize(v, next));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tokenize(v, next)]));
  }
  return value;
}

/** Expands a card template with a view model directly (the reference behaviour). */
export function expandCardDirect(platform: PlatformName, name: CardName, model: object): Record<string, unknown> {
  return template(platform, name).expand({ $root: model }) as Record<string, unknown>;
}

/** Expands a card template with a view model. The result is plain JSON for the platform. */
export function expandCard(platform: PlatformName, name: CardName, model: object): Record<string, unknown> {
  return JSON.parse(expandCardJson(platform, name, model)) as Record<string, unknown>;
}

/** The same as {@link expandCard}, serialized: for responses that go straight onto the wire. */
export function expandCardJson(platform: PlatformName, name: CardName, model: object): string {
  const texts: string[] = [];
  const shape: string[] = [];
  scan(model, texts, shape);
  if (texts.some((t) => TOKEN_CHAR.test(t))) return JSON.stringify(expandCardDirect(platform, name, model));
  const key = `${platform}/${name}:${shape.join('|')}`;
  let expanded = shapes.get(key);
  if (expanded === undefined) {
    expanded = JSON.stringify(expandCardDirect(platform, name, tokenize(model, { i: 0 }) as object));
    if (shapes.size >= SHAPES_MAX) shapes.clear();
    shapes.set(key, expanded);
  }
  return expanded.replace(TOKEN, (_, i: string) => JSON.stringify(texts[Number(i)]).slice(1, -1));
}

/** Slack mrkdwn treats &, < and > as control characters; user text must be escaped. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface SlackMessage {
  text: string;
  blocks: unknown[];
}

/** The Block Kit message for a poll card. */
export function renderSlackPoll(model: PollCardModel): SlackMessage {
  const safe: PollCardModel = {
    ...model,
    question: escapeSlack(model.question),
    fallbackText: escapeSlack(model.fallbackText),
    // The template engine cannot hold backticks or build newlines in an expression, so the
    // code span of the bar and the line break before the names are added here.
    options: model.options.map((o) => ({
      ...o,
      bar: o.bar ? `\`${o.bar}\`` : '',
      names: o.names ? `\n${escapeSlack(o.names)}` : '',
    })),
  };
  return expandCard('slack', 'poll', safe) as unknown as SlackMessage;
}

/** A short Block Kit message without buttons, replacing a card (a poll that could not start). */
export function renderSlackNotice(text: string): SlackMessage {
  return expandCard('slack', 'notice', { text: escapeSlack(text) }) as unknown as SlackMessage;
}

/** The Adaptive Card (schema 1.5) for a poll card. */
export function renderTeamsPoll(model: PollCardModel): Record<string, unknown> {
  return expandCard('teams', 'poll', model);
}

/** The Adaptive Card for a poll card as JSON text, for invoke responses. */
export function renderTeamsPollJson(model: PollCardModel): string {
  return expandCardJson('teams', 'poll', model);
}

/** A one-line private notice card (Teams), for when there is no poll to show. */
export function renderTeamsNotice(text: string): Record<string, unknown> {
  return expandCard('teams', 'notice', { text });
}
