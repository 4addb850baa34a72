/**
 * A whole collaboration in the Microsoft 365 Agents Playground: start → stap 1-4 → temperature →
 * decision → dossier → forget, through its API in Dutch (a channel and its thread), and in the
 * browser in English as a person would do it, with screenshots of the cards and the dossier page.
 */
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/main.js';
import { validateAdaptiveCard } from '../support/adaptive-card-validate.js';
import { inBrowser, typeMessage } from '../support/browser.js';
import type { Playground, PlaygroundActivity } from '../support/playground.js';
import { startPlaygroundStack, type PlaygroundStack } from '../support/playground-stack.js';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');
const cardText = (a: PlaygroundActivity | undefined): string => JSON.stringify(a?.attachments[0]?.content ?? null);
const NL = { locale: 'nl-BE' };

let stack: PlaygroundStack;
let app: Running;
let pg: Playground;

beforeAll(async () => {
  stack = await startPlaygroundStack();
  ({ app, pg } = stack);
});
afterAll(async () => {
  await stack?.close();
});

/** The bot's next card (a new message) in a conversation whose content mentions `text`. */
async function nextCard(conversationId: string, text: string, since: number): Promise<PlaygroundActivity> {
  const card = await pg.waitForActivity((a) => a.action === 'createMessage' && a.conversationId === conversationId && cardText(a).includes(text), 15_000, since);
  expect(validateAdaptiveCard(card.attachments[0]?.content)).toEqual([]);
  return card;
}

const collabIdOf = (root: PlaygroundActivity): string => /"verb":"collab\.edit","data":\{"v":"([^"]+)"/.exec(cardText(root))![1]!;
const localUrl = (url: string): string => url.replace(/^http:\/\/localhost:\d+/, `http://127.0.0.1:${app.port()}`);

describe('a collaboration in the Agents Playground (API, Dutch, channel thread)', () => {
  it('goes from start through the steps, the temperature and the decision to the dossier, and is forgotten', async () => {
    const channel = (await pg.conversations()).find((c) => c.kind === 'channel')!;
    const [me, ...others] = await pg.users();
    const sent = await pg.sendMessage(channel.id, 'start Huiswerkklas met de bib', { mentionBot: true, ...NL });
    const root = await pg.waitForActivity((a) => a.action === 'createMessage' && cardText(a).includes('Samenwerkingsidee'), 15_000, sent.cursor);
    expect(validateAdaptiveCard(root.attachments[0]?.content)).toEqual([]);
    const collabId = collabIdOf(root);
    const thread = root.conversationId.includes(';messageid=') ? root.conversationId : `${channel.id};messageid=${root.id}`;

    // Stap 1 and 2: members answer inline; the step card counts them against the team's roster.
    let mark = pg.cursor();
    await pg.sendMessage(thread, 'stap 2', { mentionBot: true, ...NL });
    const step2 = await nextCard(thread, 'Check intern', mark);
    const roster = (await pg.users()).length;
    expect(cardText(step2)).toContain(`0 van ${roster} leden antwoordden`);
    const answered = await pg.invokeAction(step2.conversationId, step2.id, { verb: 'step.answer', data: { v: `${collabId}:2`, q_opvolgpunten: 'Budget vastleggen', q_drijfveer: 'Past bij onze opdracht.' } }, { from: others[0]!.id, ...NL });
    expect(JSON.stringify(answered.value)).toContain('Je antwoorden zijn bewaard');
    await pg.waitForActivity((a) => a.action === 'updateMessage' && a.id === step2.id && cardText(a).includes(`1 van ${roster} leden antwoordden`), 15_000, mark);
    await pg.waitForActivity((a) => a.action === 'updateMessage' && a.id === root.id && cardText(a).includes('Budget vastleggen'), 15_000, mark);

    // Stap 4 "alles ok": the poll and the decision card appear in the thread.
    mark = pg.cursor();
    await pg.sendMessage(thread, 'stap 4', { mentionBot: true, ...NL });
    const step4 = await nextCard(thread, 'Beslis samen', mark);
    mark = pg.cursor();
    await pg.invokeAction(step4.conversationId, step4.id, { verb: 'step.outcome', data: { v: `${collabId}:ok` } }, { from: me!.id, ...NL });
    const poll = await nextCard(thread, 'Temperatuurmeting', mark);
    const decision = await nextCard(thread, 'Go of no go?', mark);
    const pollId = (poll.attachments[0]!.content as { actions: { data: { pollId: string } }[] }).actions[0]!.data.pollId;
    for (const [i, choice] of [[0, 'veel'], [1, 'veel'], [2, 'gemixt']] as const) {
      await pg.invokeAction(poll.conversationId, poll.id, { verb: 'vote', data: { pollId, choice } }, { from: others[i]!.id, ...NL });
    }
    await pg.invokeAction(poll.conversationId, poll.id, { verb: 'close', data: { pollId } }, { from: me!.id, ...NL });
    await pg.waitForActivity((a) => a.action === 'updateMessage' && a.id === decision.id && cardText(a).includes('Veel enthousiasme (3 stemmen)'), 15_000, mark);

    // Go with much enthusiasm: no tension. The root card shows the decision.
    const decided = await pg.invokeAction(decision.conversationId, decision.id, { verb: 'decision.record', data: { v: collabId, outcome: 'go', rationale: 'Het team wil dit en er is budget.' } }, { from: me!.id, ...NL });
    expect(JSON.stringify(decided.value)).toContain('De beslissing is vastgelegd.');
    await pg.waitForActivity((a) => a.action === 'updateMessage' && a.id === root.id && cardText(a).includes('Go, met het beleidsteam'), 15_000, mark);

    // The dossier link comes back only to the person who pressed the button.
    mark = pg.cursor();
    await pg.sendMessage(thread, 'dossier', { mentionBot: true, ...NL });
    const offer = await nextCard(thread, 'Mijn dossierlink', mark);
    const link = await pg.invokeAction(offer.conversationId, offer.id, { verb: 'collab.dossier', data: { v: collabId } }, { from: others[1]!.id, ...NL });
    const url = /"url":"([^"]+)"/.exec(JSON.stringify(link.value))![1]!;
    const page = await fetch(localUrl(url));
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const expected of ['Huiswerkklas met de bib', 'Budget vastleggen', 'Het team wil dit en er is budget.', 'Veel enthousiasme (3 stemmen)']) expect(html).toContain(expected);

    // Forget: confirmed by the facilitator; the cards say so and the link stops working.
    mark = pg.cursor();
    await pg.sendMessage(thread, 'vergeet', { mentionBot: true, ...NL });
    const confirm = await nextCard(thread, 'Dat kan niet ongedaan worden', mark);
    await pg.invokeAction(confirm.conversationId, confirm.id, { verb: 'collab.forget', data: { v: collabId } }, { from: me!.id, ...NL });
    await pg.waitForActivity((a) => a.action === 'updateMessage' && a.id === root.id && cardText(a).includes('vergeten'), 15_000, mark);
    expect((await fetch(localUrl(url))).status).toBe(404);
  }, 90_000);
});

const inPlayground = (failureShot: string, steps: (page: Page) => Promise<void>): Promise<void> =>
  inBrowser(pg.uiUrl, ARTIFACTS, failureShot, steps, { width: 1280, height: 1000 });
const type = typeMessage;

const cardWith = (page: Page, text: string): Locator => page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();

describe('a collaboration in the Agents Playground (browser, English)', () => {
  it('shows the root card, a step card answered inline, the decision card and the dossier page', async () => {
    await inPlayground('playground-collab-failure.png', async (page) => {
      await type(page, 'start Homework club with the library');
      const root = cardWith(page, 'Collaboration idea');
      await root.waitFor({ timeout: 15_000 });
      await page.screenshot({ path: resolve(ARTIFACTS, 'playground-collab-root.png') });

      await type(page, 'step 2');
      const step = cardWith(page, 'Check internally');
      await step.waitFor({ timeout: 15_000 });
      await step.locator('textarea').first().fill('It fits our mission; break-even in year two.');
      await step.getByRole('button', { name: 'Save answers' }).click();
      // The shared card follows (1 answered) and empties everyone's inputs; "My answers" brings one's own back.
      const shared = cardWith(page, 'Check internally').filter({ hasText: '1 of' });
      await shared.waitFor({ timeout: 15_000 });
      await shared.getByRole('button', { name: 'My answers' }).click();
      await page.waitForFunction(
        () => [...document.querySelectorAll('textarea')].some((t) => (t as HTMLTextAreaElement).value === 'It fits our mission; break-even in year two.'),
        undefined,
        { timeout: 15_000 },
      );
      await page.evaluate(() => {
        const mine = [...document.querySelectorAll('textarea')].find((t) => (t as HTMLTextAreaElement).value.startsWith('It fits our mission'));
        mine?.scrollIntoView({ block: 'center' });
      });
      await page.screenshot({ path: resolve(ARTIFACTS, 'playground-collab-step.png') });

      await type(page, 'reminder 6');
      const reminder = cardWith(page, 'Reminder 6');
      await reminder.waitFor({ timeout: 15_000 });
      await reminder.locator('textarea').first().fill('The people doing the work have not met yet.');
      await reminder.getByRole('button', { name: 'Save answers' }).click();
      await cardWith(page, 'Reminder 6').filter({ hasText: '1 of' }).waitFor({ timeout: 15_000 });
      await page.evaluate(() => [...document.querySelectorAll('.ac-adaptiveCard')].filter((c) => c.textContent?.includes('Reminder 6')).at(-1)?.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: resolve(ARTIFACTS, 'playground-collab-reminder.png') });

      await type(page, 'step 4');
      const step4 = cardWith(page, 'Decide together');
      await step4.waitFor({ timeout: 15_000 });
      await step4.getByRole('button', { name: 'All OK!' }).click();
      const poll = cardWith(page, 'Team temperature');
      await poll.waitFor({ timeout: 15_000 });
      await poll.getByRole('button', { name: 'Much enthusiasm' }).click();
      await cardWith(page, '1 vote').getByRole('button', { name: 'Close poll' }).click();
      const decision = cardWith(page, 'Much enthusiasm (1 vote)').filter({ hasText: 'Go or no go?' });
      await decision.waitFor({ timeout: 15_000 });
      await decision.getByText('Go', { exact: true }).first().click();
      await decision.locator('textarea').first().fill('The team wants it and the library has room on Wednesdays.');
      await decision.getByRole('button', { name: 'Record decision' }).click();
      await cardWith(page, 'Decision: Go, with the policy team').waitFor({ timeout: 15_000 });
      await page.screenshot({ path: resolve(ARTIFACTS, 'playground-collab-decision.png') });

      await type(page, 'dossier');
      const offer = cardWith(page, 'My dossier link');
      await offer.waitFor({ timeout: 15_000 });
      await offer.getByRole('button', { name: 'My dossier link' }).click();
      const link = cardWith(page, 'just for you');
      await link.waitFor({ timeout: 15_000 });
      const url = /(http:\/\/\S+\/dossier\/[A-Za-z0-9_.-]+)/.exec(await link.innerText())![1]!;
      const res = await page.goto(localUrl(url));
      expect(res?.status()).toBe(200);
      await page.getByText('It fits our mission; break-even in year two.').waitFor();
      await page.screenshot({ path: resolve(ARTIFACTS, 'playground-collab-dossier.png'), fullPage: true });
    });
  }, 120_000);
});
