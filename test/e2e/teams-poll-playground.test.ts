/**
 * The product itself in the Microsoft 365 Agents Playground: a mention opens the poll card in a
 * channel, several users vote through Action.Execute, the shared card follows, and only the
 * facilitator can close. One Chromium test does the same as a person would and saves a screenshot.
 */
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../support/adaptive-card-validate.js';
import { inBrowser, typeMessage } from '../support/browser.js';
import type { Playground, PlaygroundActivity } from '../support/playground.js';
import { startPlaygroundStack, type PlaygroundStack } from '../support/playground-stack.js';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');
const cardText = (a: PlaygroundActivity | undefined): string => JSON.stringify(a?.attachments[0]?.content ?? null);
const pollIdOf = (a: PlaygroundActivity): string =>
  ((a.attachments[0]?.content as { actions: { data: { pollId: string } }[] }).actions[0]!.data.pollId);

let stack: PlaygroundStack;
let pg: Playground;

beforeAll(async () => {
  stack = await startPlaygroundStack();
  ({ pg } = stack);
});
afterAll(async () => {
  await stack?.close();
});

const inPlayground = (failureShot: string, steps: (page: Page) => Promise<void>): Promise<void> => inBrowser(pg.uiUrl, ARTIFACTS, failureShot, steps);

/** Types `text` in the personal chat as a person would, and resolves with the bot's card that contains `cardText`. */
async function sendPoll(page: Page, text: string, cardText: string): Promise<Locator> {
  await typeMessage(page, text);
  const cardEl = page.locator('.ac-adaptiveCard').filter({ hasText: cardText }).last();
  await cardEl.waitFor({ timeout: 15_000 });
  return cardEl;
}

describe('Teams in the Agents Playground', () => {
  it('runs a whole poll in a channel thread: mention, votes by several people, live card, close', async () => {
    const channel = (await pg.conversations()).find((c) => c.kind === 'channel')!;
    const users = await pg.users();
    const sent = await pg.sendMessage(channel.id, 'poll Zien we deze samenwerking zitten?', { mentionBot: true, locale: 'nl-BE' });
    const card = await pg.waitForReply(sent);
    expect(card.conversationId).toBe(sent.conversationId);
    expect(validateAdaptiveCard(card.attachments[0]?.content)).toEqual([]);
    expect(cardText(card)).toContain('Zien we deze samenwerking zitten?');
    expect(cardText(card)).toContain('Veel enthousiasme');
    const pollId = pollIdOf(card);

    const since = pg.cursor();
    const votes: [number, string][] = [[1, 'veel'], [2, 'veel'], [3, 'weinig'], [4, 'gemixt']];
    for (const [i, choice] of votes) {
      const res = await pg.invokeAction(card.conversationId, card.id, { verb: 'vote', data: { pollId, choice } }, { from: users[i]!.id });
      expect(validateAdaptiveCard(res.value)).toEqual([]);
      expect(JSON.stringify(res.value)).toMatch(/Your vote|Jouw stem/);
    }
    const shared = await pg.waitForActivity(
      (a) => a.action === 'updateMessage' && a.id === card.id && cardText(a).includes('4 stemmen'),
      10_000,
      since,
    );
    expect(cardText(shared)).toContain('2 (50%)');
    expect(cardText(shared)).not.toContain(users[1]!.name);

    const denied = await pg.invokeAction(card.conversationId, card.id, { verb: 'close', data: { pollId } }, { from: users[3]!.id });
    expect(JSON.stringify(denied.value)).toMatch(/Only the person who opened the poll|Alleen wie de peiling opende/);
    const closed = await pg.invokeAction(card.conversationId, card.id, { verb: 'close', data: { pollId } }, { from: users[0]!.id });
    expect(JSON.stringify(closed.value)).toContain('Temperatuur van het team: Veel enthousiasme');
    const final = await pg.waitForActivity((a) => a.action === 'updateMessage' && a.id === card.id && cardText(a).includes('afgesloten'), 10_000, since);
    expect((final.attachments[0]?.content as { actions: unknown[] }).actions).toEqual([]);
  });

  it('answers poll in the personal chat in the language of the activity', async () => {
    const personal = (await pg.conversations()).find((c) => c.kind === 'personal')!;
    const sent = await pg.sendMessage(personal.id, 'poll');
    const card = await pg.waitForReply(sent);
    expect(cardText(card)).toContain('Much enthusiasm');
  });

  it('shows the poll to a person in the browser, takes their vote and saves a screenshot', async () => {
    await inPlayground('playground-poll-failure.png', async (page) => {
      const cardEl = await sendPoll(page, 'poll How do we feel about the Brede School collaboration?', 'Brede School collaboration');
      await cardEl.getByRole('button', { name: 'Much enthusiasm' }).click();
      // The invoke response shows "Your vote" to the clicker until the shared update (1 vote) replaces it.
      const updated = page.locator('.ac-adaptiveCard').filter({ hasText: '1 vote' }).filter({ hasText: '1 (100%)' });
      await updated.first().waitFor({ timeout: 15_000 });
      await page.screenshot({ path: resolve(ARTIFACTS, 'playground-poll.png') });
      // The person who opened it closes it: the final temperature, no buttons left.
      await updated.first().getByRole('button', { name: 'Close poll' }).click();
      const closed = page.locator('.ac-adaptiveCard').filter({ hasText: 'Team temperature closed' }).filter({ hasText: 'Team temperature: Much enthusiasm' });
      await closed.first().waitFor({ timeout: 15_000 });
      expect(await closed.first().getByRole('button').count()).toBe(0);
      await page.screenshot({ path: resolve(ARTIFACTS, 'playground-poll-closed.png') });
    });
  }, 60_000);

  it('keeps the counts of a hidden poll off the card in the browser until it closes', async () => {
    await inPlayground('playground-poll-hidden-failure.png', async (page) => {
      const cardEl = await sendPoll(page, 'poll --verborgen Do we join the Brede School network?', 'Brede School network');
      await cardEl.getByRole('button', { name: 'Little enthusiasm' }).click();
      const shared = page.locator('.ac-adaptiveCard').filter({ hasText: 'Brede School network' }).filter({ hasText: '1 vote' });
      await shared.first().waitFor({ timeout: 15_000 });
      const text = await shared.first().innerText();
      expect(text).toContain('Hidden: the results appear only when the poll closes.');
      expect(text).not.toMatch(/\(\d+%\)/);
      await page.screenshot({ path: resolve(ARTIFACTS, 'playground-poll-hidden.png') });
      await shared.first().getByRole('button', { name: 'Close poll' }).click();
      const closed = page.locator('.ac-adaptiveCard').filter({ hasText: 'Brede School network' }).filter({ hasText: '1 (100%)' });
      await closed.first().waitFor({ timeout: 15_000 });
    });
  }, 60_000);
});
