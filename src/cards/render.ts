import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ACData from 'adaptivecards-templating';
import type { PollCardModel } from './poll-card-model.js';

// Both src/cards and dist/cards sit two levels below the project root, beside cards/.
const templateDir = fileURLToPath(new URL('../../cards/', import.meta.url));

export type CardName = 'poll';
export type PlatformName = 'slack' | 'teams';

// Parsing a template is the expensive part; expansion is on the hot path, so keep them.
const cache = new Map<string, ACData.Template>();

function template(platform: PlatformName, name: CardName): ACData.Template {
  const key = `${platform}/${name}`;
  let t = cache.get(key);
  if (!t) {
    t = new ACData.Template(JSON.parse(readFileSync(`${templateDir}${key}.json`, 'utf8')));
    cache.set(key, t);
  }
  return t;
}

/** Expands a card template with a view model. The result is plain JSON for the platform. */
export function expandCard(platform: PlatformName, name: CardName, model: object): Record<string, unknown> {
  return template(platform, name).expand({ $root: model }) as Record<string, unknown>;
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
      bar: `\`${o.bar}\``,
      names: o.names ? `\n${escapeSlack(o.names)}` : '',
    })),
  };
  return expandCard('slack', 'poll', safe) as unknown as SlackMessage;
}

/** The Adaptive Card (schema 1.5) for a poll card. */
export function renderTeamsPoll(model: PollCardModel): Record<string, unknown> {
  return expandCard('teams', 'poll', model);
}
