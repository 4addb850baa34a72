/**
 * The method's worksheets in the Microsoft 365 Agents Playground, in the browser in English as a
 * person would use them: each card is posted, filled in inline and saved, and the shared card
 * follows. Screenshots of every worksheet card, the register search and the draft agreement.
 */
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/main.js';
import { inBrowser, typeMessage } from '../support/browser.js';
import type { Playground } from '../support/playground.js';
import { startPlaygroundStack, type PlaygroundStack } from '../support/playground-stack.js';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

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

const localUrl = (url: string): string => url.replace(/^http:\/\/localhost:\d+/, `http://127.0.0.1:${app.port()}`);
const cardWith = (page: Page, text: string): Locator => page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
const textInputs = (card: Locator): Locator => card.locator('textarea, input[type="text"]:not([role="combobox"])');
const choices = (card: Locator): Locator => card.getByRole('combobox');

/** Picks an option in the `index`th dropdown of a card (the Playground draws its own dropdowns). */
async function choose(page: Page, card: Locator, index: number, option: string): Promise<void> {
  const box = choices(card).nth(index);
  // A card that was just replaced can swallow the first pick; pick again until the box shows it.
  for (let attempt = 0; attempt < 5; attempt++) {
    await box.click();
    await page.getByRole('option', { name: option, exact: true }).click();
    if ((await box.innerText()).includes(option) || (await box.inputValue().catch(() => '')).includes(option)) return;
  }
  throw new Error(`could not choose ${option}`);
}

/** Scrolls the newest card that mentions `text` to the top and saves a screenshot of the page. */
async function shoot(page: Page, text: string, file: string): Promise<void> {
  await page.evaluate((t) => [...document.querySelectorAll('.ac-adaptiveCard')].filter((c) => c.textContent?.includes(t)).at(-1)?.scrollIntoView({ block: 'start' }), text);
  await page.screenshot({ path: resolve(ARTIFACTS, file) });
}

describe('the worksheets in the Agents Playground (browser, English)', () => {
  it('fills in conditions, form, partners, agreements, internal partners and the plan for externals, finds the register and shows the draft agreement', async () => {
    await inBrowser(pg.uiUrl, ARTIFACTS, 'playground-worksheets-failure.png', async (page) => {
      await typeMessage(page, 'start Homework club with the library');
      await cardWith(page, 'Collaboration idea').waitFor({ timeout: 15_000 });

      // Five conditions: one low score is flagged with its question to discuss.
      await typeMessage(page, 'conditions');
      let card = cardWith(page, 'Five conditions for success');
      await card.waitFor({ timeout: 15_000 });
      await card.getByRole('button', { name: 'Fill in' }).click();
      await choices(card).first().waitFor({ timeout: 15_000 });
      for (const [i, score] of ['2', '4', '3', '4', '3'].entries()) await choose(page, card, i, score);
      await textInputs(card).first().fill('We have not said out loud what we want together.');
      await card.getByRole('button', { name: 'Save' }).click();
      await cardWith(page, '1 member filled this in').filter({ hasText: 'To discuss' }).waitFor({ timeout: 15_000 });
      await shoot(page, 'Five conditions for success', 'playground-worksheet-conditions.png');

      // Form: the placements lean to Network, which the facilitator adopts for the root card.
      await typeMessage(page, 'form');
      card = cardWith(page, 'Form and issue');
      await card.waitFor({ timeout: 15_000 });
      await card.getByRole('button', { name: 'Fill in' }).click();
      await choices(card).first().waitFor({ timeout: 15_000 });
      for (const [i, form] of ['Network', 'Network', 'Consultation', 'Network', 'Network', 'Ad hoc collaboration'].entries()) await choose(page, card, i, form);
      for (const [i, answer] of ['yes', 'yes', 'partly'].entries()) await choose(page, card, 6 + i, answer);
      await card.getByRole('button', { name: 'Save' }).click();
      const leaning = cardWith(page, 'The group mostly chooses: Network');
      await leaning.waitFor({ timeout: 15_000 });
      await leaning.getByRole('button', { name: 'Choose Network' }).click();
      // The presser's confirmation gives way to the shared card's refresh, which shows the choice.
      await cardWith(page, 'Chosen form: Network').waitFor({ timeout: 15_000 });
      await shoot(page, 'Form and issue', 'playground-worksheet-form.png');

      // Partners: a framing actor to keep informed, with its official data.
      await typeMessage(page, 'partners');
      card = cardWith(page, 'Per organisation: who is at the table');
      await card.waitFor({ timeout: 15_000 });
      await card.getByRole('button', { name: 'Add partner' }).click();
      await textInputs(card).first().waitFor({ timeout: 15_000 });
      const partner = ['City of Ghent', 'Sara Vos', 'local authority', 'Botermarkt 1, 9000 Ghent', '0207.451.227', 'Mayor', 'Mayor'];
      for (const [i, value] of partner.entries()) await textInputs(card).nth(i).fill(value);
      await choose(page, card, 0, 'reports back');
      await choose(page, card, 1, 'framing actor');
      await card.locator('input[type="checkbox"]').first().check();
      await card.getByRole('button', { name: 'Save' }).click();
      await cardWith(page, 'City of Ghent').filter({ hasText: 'framing actor' }).waitFor({ timeout: 15_000 });
      await shoot(page, 'Per organisation: who is at the table', 'playground-worksheet-partners.png');

      // Agreements: the content theme agreed, with who and when.
      await typeMessage(page, 'agreements');
      card = cardWith(page, 'The themes you make agreements on');
      await card.waitFor({ timeout: 15_000 });
      await card.getByRole('button', { name: 'Update' }).first().click();
      await choices(card).first().waitFor({ timeout: 15_000 });
      await choose(page, card, 0, 'agreed');
      await textInputs(card).nth(0).fill('The library');
      await textInputs(card).nth(1).fill('September');
      await textInputs(card).nth(2).fill('A homework club every Wednesday afternoon in the reading room.');
      await card.getByRole('button', { name: 'Save' }).click();
      await cardWith(page, '1 of 11 themes agreed or n/a').waitFor({ timeout: 15_000 });
      await shoot(page, 'The themes you make agreements on', 'playground-worksheet-agreements.png');

      // Internal partners: three ticked.
      await typeMessage(page, 'internal partners');
      card = cardWith(page, 'Which services of your own organisation');
      await card.waitFor({ timeout: 15_000 });
      await card.getByRole('button', { name: 'Fill in' }).click();
      await card.locator('input[type="checkbox"]').first().waitFor({ timeout: 15_000 });
      for (const i of [0, 4, 9]) await card.locator('input[type="checkbox"]').nth(i).check();
      await card.getByRole('button', { name: 'Save' }).click();
      await cardWith(page, '3 of 11 involved').waitFor({ timeout: 15_000 });
      await shoot(page, 'Which services of your own organisation', 'playground-worksheet-internal.png');

      // Externals: step 6's evaluation goes into the workspace's register.
      await typeMessage(page, 'externals');
      card = cardWith(page, 'Working with an external organisation');
      await card.waitFor({ timeout: 15_000 });
      await card.getByRole('button', { name: 'Update' }).nth(5).click();
      await card.locator('input[type="checkbox"]').first().waitFor({ timeout: 15_000 });
      await card.locator('input[type="checkbox"]').first().check();
      await textInputs(card).nth(0).fill('Natuurpunt');
      await textInputs(card).nth(1).fill('The guide knew how to talk with ten-year-olds.');
      await textInputs(card).nth(2).fill('The date moved twice.');
      await card.getByRole('button', { name: 'Save' }).click();
      await cardWith(page, '1 of 6 steps done').waitFor({ timeout: 15_000 });
      await shoot(page, 'Working with an external organisation', 'playground-worksheet-externals.png');

      await typeMessage(page, 'register natuur');
      await cardWith(page, 'Register').filter({ hasText: 'The date moved twice.' }).waitFor({ timeout: 15_000 });
      await shoot(page, 'The date moved twice.', 'playground-register.png');

      // The dossier renders the agreements as a draft along the fourteen articles.
      await typeMessage(page, 'dossier');
      const offer = cardWith(page, 'My dossier link');
      await offer.waitFor({ timeout: 15_000 });
      await offer.getByRole('button', { name: 'My dossier link' }).click();
      const link = cardWith(page, 'just for you');
      await link.waitFor({ timeout: 15_000 });
      const url = /(http:\/\/\S+\/dossier\/[A-Za-z0-9_.-]+)/.exec(await link.innerText())![1]!;
      const res = await page.goto(localUrl(url));
      expect(res?.status()).toBe(200);
      await page.getByText('A homework club every Wednesday afternoon in the reading room.').first().waitFor();
      const draft = page.getByText('Draft agreement', { exact: true }).first();
      await draft.scrollIntoViewIfNeeded();
      await draft.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: resolve(ARTIFACTS, 'playground-dossier-draft.png') });
    }, { width: 1280, height: 1000 });
  }, 180_000);
});
