/**
 * Proves test/support/playground.ts (and browser.ts) against a tiny echo bot running on CloudAdapter without credentials.
 * The bot answers every message with an Adaptive Card holding an Action.Execute button; the invoke returns an updated
 * card, and half a second later the bot proactively edits the card message with updateActivity.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type Activity,
  type ConversationReference,
} from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { startPlayground, type Playground, type PlaygroundActivity } from '../support/playground.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const SCREENSHOT = resolve(import.meta.dirname, '../artifacts/playground-echo.png');

function card(text: string, withButton: boolean): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text, wrap: true }],
    actions: withButton ? [{ type: 'Action.Execute', title: 'Stem veel', verb: 'vote', data: { option: 'veel' } }] : [],
  };
}

interface EchoBot { endpoint: string; received: Partial<Activity>[]; server: Server }

async function startEchoBot(): Promise<EchoBot> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }));
  adapter.onTurnError = async (_ctx, err) => { console.error('echo bot turn error', err); };
  const received: Partial<Activity>[] = [];
  const refs = new Map<string, Partial<ConversationReference>>();
  const logic = async (ctx: TurnContext): Promise<void> => {
    const a = ctx.activity;
    received.push(a);
    if (a.type === ActivityTypes.Message) {
      // Card only: the playground splits text + attachments into separate messages (then sendActivity gets no id).
      await ctx.sendActivity({ type: 'message', attachments: [{ contentType: CARD, content: card(`Echo: ${a.text}`, true) }] });
      refs.set(a.conversation.id, TurnContext.getConversationReference(a));
    } else if (a.type === ActivityTypes.Invoke && a.name === 'adaptiveCard/action') {
      const value = a.value as { action?: { data?: { option?: string } } };
      const voted = `Gestemd door ${a.from.name}: ${value.action?.data?.option} [${a.locale}]`;
      await ctx.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: CARD, value: card(voted, false) } } });
      const ref = refs.get(a.conversation.id);
      const cardId = a.replyToId;
      if (ref && cardId) {
        setTimeout(() => {
          adapter
            .continueConversationAsync('', ref, async (p) => {
              await p.updateActivity({ type: 'message', id: cardId, attachments: [{ contentType: CARD, content: card(`${voted} · bijgewerkt`, false) }] });
            })
            .catch((e: unknown) => console.error('proactive update failed', e));
        }, 500);
      }
    }
  };
  const server = createServer((req, res) => {
    if (req.method !== 'POST') return void res.end('echo bot');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const shim = {
        socket: req.socket,
        status(code: number) { res.statusCode = code; },
        header(name: string, value: unknown) { res.setHeader(name, String(value)); },
        send(body?: unknown) {
          if (body === undefined) return;
          if (typeof body === 'string') res.write(body);
          else { res.setHeader('content-type', 'application/json'); res.write(JSON.stringify(body)); }
        },
        end() { res.end(); },
      };
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
      adapter.process({ body, headers: req.headers, method: req.method }, shim, logic).catch((e: unknown) => {
        console.error('echo bot process failed', e);
        if (!res.writableEnded) { res.statusCode = 500; res.end(); }
      });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}/api/messages`, received, server };
}

function cardText(a: PlaygroundActivity | undefined): string {
  return JSON.stringify(a?.attachments[0]?.content ?? null);
}

describe('playground driver', () => {
  let bot: EchoBot;
  let pg: Playground;

  beforeAll(async () => {
    bot = await startEchoBot();
    pg = await startPlayground({ botEndpoint: bot.endpoint });
  });
  afterAll(async () => {
    await pg?.stop();
    await new Promise((ok) => bot?.server.close(ok));
  });

  it('lists conversations and users', async () => {
    const convs = await pg.conversations();
    expect(convs.map((c) => c.kind)).toEqual(['personal', 'groupChat', 'channel', 'channel']);
    const users = await pg.users();
    expect(users).toHaveLength(6);
    expect(users[0]).toMatchObject({ id: 'user-id-0', name: 'Alex Wilber' });
    expect(pg.uiUrl).toMatch(/^http:\/\/localhost:\d+\/$/);
  });

  it('gets a card reply, an invoke response card and a proactive update in the personal chat', async () => {
    const personal = (await pg.conversations()).find((c) => c.kind === 'personal')!;
    const sent = await pg.sendMessage(personal.id, 'hallo');
    const reply = await pg.waitForReply(sent);
    expect(reply.attachments[0]?.contentType).toBe(CARD);
    expect(cardText(reply)).toContain('Echo: hallo');
    expect(cardText(reply)).toContain('Action.Execute');

    const since = pg.cursor();
    const res = await pg.invokeAction(reply.conversationId, reply.id, { verb: 'vote', data: { option: 'veel' } });
    expect(res.type).toBe(CARD);
    expect(JSON.stringify(res.value)).toContain('Gestemd door Alex Wilber: veel [en-US]');

    const update = await pg.waitForUpdate(reply.id, since);
    expect(cardText(update)).toContain('bijgewerkt');
    expect(cardText(pg.message(reply.id))).toContain('bijgewerkt');
  });

  it('acts as other users, in Dutch, in the group chat', async () => {
    const group = (await pg.conversations()).find((c) => c.kind === 'groupChat')!;
    const before = bot.received.length;
    await pg.sendMessage(group.id, 'niet voor de bot', { from: 'user-id-1' });
    const sent = await pg.sendMessage(group.id, 'hoi', { from: 'user-id-2', mentionBot: true, locale: 'nl-NL' });
    const reply = await pg.waitForReply(sent);
    const got = bot.received.slice(before).filter((a) => a.type === 'message');
    expect(got).toHaveLength(1); // unmentioned group messages never reach the bot
    expect(got[0]).toMatchObject({ locale: 'nl-NL', from: { id: 'user-id-2', name: 'Adele Vance' }, conversation: { conversationType: 'groupChat' } });
    expect(got[0]?.entities?.[0]).toMatchObject({ type: 'mention', mentioned: { id: (await pg.config()).bot.id } });

    const a = await pg.invokeAction(reply.conversationId, reply.id, { verb: 'vote', data: { option: 'veel' } }, { from: 'user-id-3' });
    expect(JSON.stringify(a.value)).toContain('Gestemd door Isaiah Langer: veel [en-US]');
    const b = await pg.invokeAction(reply.conversationId, reply.id, { verb: 'vote', data: { option: 'veel' } }, { from: 'user-id-4', locale: 'nl-NL' });
    expect(JSON.stringify(b.value)).toContain('Gestemd door Patti Fernandez: veel [nl-NL]');
  });

  it('posts in a channel with an @mention and replies in its thread as another user', async () => {
    const channel = (await pg.conversations()).find((c) => c.kind === 'channel' && c.name === 'Announcements')!;
    const root = await pg.sendMessage(channel.id, 'nieuw onderwerp', { mentionBot: true });
    expect(root.conversationId).toBe(`${channel.id};messageid=${root.messageId}`);
    const first = await pg.waitForReply(root);
    const before = bot.received.length;
    const reply = await pg.sendMessage(channel.id, 'in de draad', { mentionBot: true, replyToId: root.messageId, from: 'user-id-5' });
    expect(reply.conversationId).toBe(root.conversationId);
    const second = await pg.waitForReply(reply);
    expect(second.id).not.toBe(first.id);
    const got = bot.received.slice(before).find((a) => a.type === 'message');
    expect(got).toMatchObject({ from: { id: 'user-id-5' }, conversation: { id: root.conversationId, conversationType: 'channel' } });
    expect(got?.channelData).toMatchObject({ teamsChannelId: channel.id, team: { id: channel.teamId } });
    expect(pg.activities(channel.id).map((x) => x.id)).toEqual(expect.arrayContaining([first.id, second.id]));
  });

  it('renders the card in the playground UI and clicks its Action.Execute button', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(pg.uiUrl);
      const compose = page.locator('[data-lexical-editor="true"][role="textbox"]');
      await compose.click();
      await page.keyboard.type('hallo vanuit Chromium');
      await page.getByRole('button', { name: 'Send Message' }).click();
      const cardEl = page.locator('.ac-adaptiveCard').filter({ hasText: 'Echo: hallo vanuit Chromium' });
      await cardEl.waitFor({ timeout: 10_000 });
      await cardEl.getByRole('button', { name: 'Stem veel' }).click();
      await page.locator('.ac-adaptiveCard').filter({ hasText: 'Gestemd door Alex Wilber: veel' }).first().waitFor({ timeout: 10_000 });
      await page.locator('.ac-adaptiveCard').filter({ hasText: 'bijgewerkt' }).waitFor({ timeout: 10_000 });
      mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
