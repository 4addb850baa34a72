/**
 * Test driver for the Microsoft 365 Agents Playground (Teams emulator), talking to its internal API:
 *   GET  /_internal/v1/config                           users, bot, chat/team/channel ids (waits up to 15s for the bot)
 *   POST /_conversation/v1/conversations/:id/messages   a user message, as the UI sends it (always from currentUser, locale en-US)
 *   POST /_conversation/v1/invoke                       adaptiveCard/action invoke; answers the bot's {type, value}
 *   POST /_internal/v1/customActivities                 any activity, sent to the bot as-is (other users, other locales)
 *   WS   /_ws_conversation/v1/conversations/stream      createMessage / updateMessage / typing for the bot's messages
 * There is no endpoint that lists messages: everything the bot posts is recorded from the WebSocket.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';

const CLI = resolve(import.meta.dirname, '../../node_modules/@microsoft/m365agentsplayground/cli.js');
const DEFAULT_LOCALE = 'en-US';
const SETPRIV = '/usr/bin/setpriv';

export interface PlaygroundUser { id: string; name: string; aadObjectId: string; userPrincipleName?: string; givenName?: string; surname?: string; email?: string }
export interface PlaygroundConfig {
  tenantId: string; bot: { id: string; name: string }; currentUser: PlaygroundUser; users: PlaygroundUser[];
  personalChat: { id: string; name: string }; groupChats: { id: string; name: string; members: string[] }[];
  teams: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string; channelType: string }[]; members: string[] }[];
}
/** Contents of `.m365agentsplayground.yml` (JSON is valid YAML). Schema: exactly 5 users, at most 1 extra channel. */
export interface PlaygroundConfigFile {
  version: '0.1.1'; tenantId: string; bot: { id: string; name: string };
  currentUser: Required<PlaygroundUser>; users: Required<PlaygroundUser>[];
  personalChat: { id: string }; groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}
export type ConversationKind = 'personal' | 'groupChat' | 'channel';
export interface PlaygroundConversation { id: string; kind: ConversationKind; name: string; teamId?: string }
export interface CardAttachment { contentType: string; content: unknown }
/** One bot message as seen on the WebSocket (a createMessage or, for edits, an updateMessage). */
export interface PlaygroundActivity {
  action: 'createMessage' | 'updateMessage';
  /** The conversation the message lives in: chat id, or `channel;messageid=ROOT` for channel posts/threads. */
  conversationId: string;
  /** The message id: what the bot's sendActivity returned, what updateActivity/invokes refer to. */
  id: string;
  timestamp: number; from: { id: string }; text?: string; attachments: CardAttachment[]; raw: unknown;
}
export interface SendOptions {
  /** Prefix `<at>Bot</at>` and add the mention entity (needed in group chats and channels). */
  mentionBot?: boolean;
  /** User id (see config()). Other than currentUser, the activity goes via customActivities. */
  from?: string;
  /** Channel root message id: reply in that thread (conversation `channel;messageid=ROOT`). */
  replyToId?: string;
  /** activity.locale (the playground itself always sends en-US). */
  locale?: string;
}
export interface SentMessage { messageId: string; conversationId: string; cursor: number }
export interface InvokeResult { type?: string; value?: unknown; statusCode?: number }
export interface StartOptions { botEndpoint: string; configFile?: PlaygroundConfigFile; timeoutMs?: number }

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((ok, fail) => srv.once('error', fail).listen(0, '127.0.0.1', ok));
  const { port } = srv.address() as { port: number };
  return new Promise((ok) => srv.close(() => ok(port)));
}

const live = new Set<ChildProcess>();
process.once('exit', () => { for (const c of live) killTree(c, 'SIGKILL'); });
function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, signal); } catch { child.kill(signal); }
}

export class Playground {
  private readonly recorded: PlaygroundActivity[] = [];
  private readonly waiters = new Set<() => void>();
  private cfg?: PlaygroundConfig;

  constructor(
    readonly port: number,
    readonly botEndpoint: string,
    private readonly child: ChildProcess,
    private readonly ws: WebSocket,
    private readonly dir: string,
  ) {
    ws.on('message', (data) => this.record(JSON.parse(String(data)) as Record<string, unknown>));
    ws.on('error', () => undefined); // the server going away must not crash the test process
  }

  get baseUrl(): string { return `http://localhost:${this.port}`; }
  /** Open this in a browser to see the Teams-like UI. */
  get uiUrl(): string { return `${this.baseUrl}/`; }
  /** Number of activities recorded so far: pass to waitForActivity to ignore older ones. */
  cursor(): number { return this.recorded.length; }

  async config(): Promise<PlaygroundConfig> {
    this.cfg ??= ((await this.http('GET', '/_internal/v1/config')) as { config: PlaygroundConfig }).config;
    return this.cfg;
  }
  async users(): Promise<PlaygroundUser[]> {
    const c = await this.config();
    return [c.currentUser, ...c.users];
  }
  async conversations(): Promise<PlaygroundConversation[]> {
    const c = await this.config();
    return [
      { id: c.personalChat.id, kind: 'personal', name: c.personalChat.name },
      ...c.groupChats.map((g) => ({ id: g.id, kind: 'groupChat' as const, name: g.name })),
      ...c.teams.flatMap((t) => t.channels.map((ch) => ({ id: ch.id, kind: 'channel' as const, name: ch.name, teamId: t.id }))),
    ];
  }
  /** Recorded bot messages (creates and updates) in a conversation; a channel id includes all its threads. */
  activities(conversationId?: string): PlaygroundActivity[] {
    if (conversationId === undefined) return [...this.recorded];
    return this.recorded.filter((a) => a.conversationId === conversationId || a.conversationId.startsWith(`${conversationId};messageid=`));
  }
  /** Latest version (after updates) of a bot message. */
  message(id: string): PlaygroundActivity | undefined {
    for (let i = this.recorded.length - 1; i >= 0; i--) if (this.recorded[i]!.id === id) return this.recorded[i];
    return undefined;
  }

  async waitForActivity(predicate: (a: PlaygroundActivity) => boolean, timeoutMs = 10_000, since = 0): Promise<PlaygroundActivity> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.recorded.slice(since).find(predicate);
      if (hit) return hit;
      const left = deadline - Date.now();
      if (left <= 0) {
        const seen = this.recorded.slice(since).map((a) => `${a.action} ${a.conversationId} ${a.id}`).join('\n  ');
        throw new Error(`playground: no matching activity within ${timeoutMs}ms; seen since #${since}:\n  ${seen || '(none)'}`);
      }
      await new Promise<void>((ok) => {
        const wake = (): void => { clearTimeout(timer); this.waiters.delete(wake); ok(); };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }
  /** First bot message posted in the conversation of `sent` after it was sent. */
  waitForReply(sent: SentMessage, timeoutMs?: number): Promise<PlaygroundActivity> {
    return this.waitForActivity((a) => a.action === 'createMessage' && a.conversationId === sent.conversationId, timeoutMs, sent.cursor);
  }
  waitForUpdate(messageId: string, since = 0, timeoutMs?: number): Promise<PlaygroundActivity> {
    return this.waitForActivity((a) => a.action === 'updateMessage' && a.id === messageId, timeoutMs, since);
  }

  async sendMessage(conversationId: string, text: string, opts: SendOptions = {}): Promise<SentMessage> {
    const c = await this.config();
    const conv = await this.resolve(conversationId);
    const target = opts.replyToId && conv.kind === 'channel' && !conversationId.includes(';') ? `${conversationId};messageid=${opts.replyToId}` : conversationId;
    const from = opts.from ?? c.currentUser.id;
    const user = (await this.users()).find((u) => u.id === from);
    if (!user) throw new Error(`playground: unknown user ${from}; known: ${(await this.users()).map((u) => u.id).join(', ')}`);
    if (conv.kind === 'personal' && from !== c.currentUser.id) throw new Error('playground: the personal chat belongs to currentUser (set configFile.currentUser to change it)');
    const mention = `<at>${c.bot.name}</at>`;
    const fullText = opts.mentionBot ? `${mention} ${text}` : text;
    const mentions = opts.mentionBot ? [{ mentioned: { id: c.bot.id }, text: mention }] : undefined;
    const cursor = this.cursor();
    const native = from === c.currentUser.id && (opts.locale ?? DEFAULT_LOCALE) === DEFAULT_LOCALE;
    // Group chats and channels only deliver @mentions to the bot, so unmentioned messages are just stored.
    if (native || (conv.kind !== 'personal' && !opts.mentionBot)) {
      const r = (await this.postMessage(target, { from: { id: c.currentUser.id }, text: fullText, textFormat: 'plain', mentions })) as { messageId: string; postConversationId?: string };
      return { messageId: r.messageId, conversationId: r.postConversationId ?? target, cursor };
    }
    // Other user or locale: store the message without a mention (not delivered; creates the channel post), then
    // deliver a hand-made activity. In the personal chat every stored message is delivered, so skip storing.
    let messageId: string = randomUUID();
    let convId = target;
    if (conv.kind !== 'personal') {
      const r = (await this.postMessage(target, { from: { id: c.currentUser.id }, text: fullText, textFormat: 'plain' })) as { messageId: string; postConversationId?: string };
      messageId = r.messageId;
      convId = r.postConversationId ?? target;
    }
    const locale = opts.locale ?? DEFAULT_LOCALE;
    await this.http('POST', '/_internal/v1/customActivities', {
      ...this.envelope(c, conv, convId, user, locale),
      type: 'message', id: messageId, text: fullText, textFormat: 'plain',
      entities: [...(opts.mentionBot ? [{ type: 'mention', mentioned: { id: c.bot.id, name: c.bot.name }, text: mention }] : []), this.clientInfo(locale)],
    });
    return { messageId, conversationId: convId, cursor };
  }

  /**
   * Presses an Action.Execute button on bot message `messageId` in `conversationId` (use PlaygroundActivity.conversationId).
   * Returns the bot's invoke response body. With a non-en-US locale the invoke is POSTed straight to the bot (the
   * playground can't set a locale); then the playground's stored copy of the card is not refreshed.
   */
  async invokeAction(conversationId: string, messageId: string, action: { verb: string; data?: Record<string, unknown> }, opts: { from?: string; locale?: string } = {}): Promise<InvokeResult> {
    const c = await this.config();
    const from = opts.from ?? c.currentUser.id;
    const value = { action: { type: 'Action.Execute', verb: action.verb, data: action.data ?? {} }, trigger: 'manual' };
    const locale = opts.locale ?? DEFAULT_LOCALE;
    if (locale === DEFAULT_LOCALE) {
      return (await this.http('POST', '/_conversation/v1/invoke', { name: 'adaptiveCard/action', from: { id: from }, conversation: { id: conversationId }, replyToId: messageId, value })) as InvokeResult;
    }
    const user = (await this.users()).find((u) => u.id === from);
    if (!user) throw new Error(`playground: unknown user ${from}`);
    const conv = await this.resolve(conversationId);
    const activity = {
      ...this.envelope(c, conv, conversationId, user, locale, { source: { name: 'message' } }),
      type: 'invoke', name: 'adaptiveCard/action', id: randomUUID(), replyToId: messageId, value, entities: [this.clientInfo(locale)],
    };
    const res = await fetch(this.botEndpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    if (!res.ok) throw new Error(`playground: bot answered invoke with ${res.status}: ${await res.text()}`);
    return (await res.json()) as InvokeResult;
  }

  async stop(): Promise<void> {
    this.ws.terminate();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((ok) => this.child.once('exit', ok));
      killTree(this.child, 'SIGTERM');
      const timer = setTimeout(() => killTree(this.child, 'SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    live.delete(this.child);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private record(ev: Record<string, unknown>): void {
    const action = ev['action'];
    if (action !== 'createMessage' && action !== 'updateMessage') return; // 'typing'
    const m = ev['message'] as { messageId: string; timestamp: number; from: { id: string }; text?: string; attachments?: CardAttachment[]; postConversationId?: string };
    // A bot message that starts a new channel post is announced on the channel, with the post id alongside.
    this.recorded.push({
      action, conversationId: m.postConversationId ?? String(ev['actionConversationId']), id: m.messageId,
      timestamp: m.timestamp, from: m.from, text: m.text, attachments: m.attachments ?? [], raw: ev,
    });
    for (const wake of [...this.waiters]) wake();
  }
  private async resolve(conversationId: string): Promise<PlaygroundConversation> {
    const top = conversationId.split(';')[0];
    const conv = (await this.conversations()).find((x) => x.id === top);
    if (!conv) throw new Error(`playground: unknown conversation ${conversationId}`);
    return conv;
  }
  /** The fields the playground itself puts on activities it sends to the bot (see its TeamsStrategy). */
  private envelope(c: PlaygroundConfig, conv: PlaygroundConversation, convId: string, user: PlaygroundUser, locale: string, extra = {}): Record<string, unknown> {
    const inChannel = conv.kind === 'channel';
    return {
      channelId: 'msteams', serviceUrl: `${this.baseUrl}/_connector`, timestamp: new Date().toISOString(), locale,
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: c.bot.id, name: c.bot.name },
      conversation: { id: convId, conversationType: conv.kind === 'personal' ? 'personal' : conv.kind, isGroup: conv.kind === 'personal' ? undefined : true, tenantId: c.tenantId },
      channelData: { ...extra, tenant: { id: c.tenantId }, ...(inChannel ? { teamsChannelId: conv.id, teamsTeamId: conv.teamId, team: { id: conv.teamId }, channel: { id: conv.id } } : {}) },
    };
  }
  private clientInfo(locale: string): Record<string, unknown> {
    return { type: 'clientInfo', locale, country: locale.split('-')[1] ?? 'US', platform: 'Web', timezone: 'Europe/Amsterdam' };
  }
  private postMessage(conversationId: string, body: unknown): Promise<unknown> {
    return this.http('POST', `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body);
  }
  private async http(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(this.baseUrl + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`playground: ${method} ${path} -> ${res.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
}

/**
 * Spawns the playground (cwd = a fresh temp dir, where it writes devTools/ logs) on a free port and connects to its
 * event stream. Start the bot first: config() waits up to 15s for botEndpoint to answer.
 */
export async function startPlayground(opts: StartOptions): Promise<Playground> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const dir = mkdtempSync(join(tmpdir(), 'werktsamen-playground-'));
  const configPath = join(dir, '.m365agentsplayground.yml');
  if (opts.configFile) writeFileSync(configPath, JSON.stringify(opts.configFile, null, 2));
  const logFile = join(dir, 'devTools', 'm365agentsplayground.log');
  const args = [CLI, '-e', opts.botEndpoint, '-c', 'msteams', '-p', String(await freePort()), '--disable-telemetry'];
  // setpriv (util-linux) makes the kernel kill the playground if this process dies without cleaning up.
  const [cmd, argv] = existsSync(SETPRIV) ? [SETPRIV, ['--pdeathsig', 'SIGKILL', '--', process.execPath, ...args]] : [process.execPath, args];
  const child = spawn(cmd, argv, {
    cwd: dir,
    detached: true, // own process group, so stop() can kill the whole tree
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath, M365_AGENTS_PLAYGROUND_LOGFILE: logFile },
  });
  live.add(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => { out = (out + String(d)).slice(-8000); });
  child.stderr!.on('data', (d: Buffer) => { err = (err + String(d)).slice(-8000); });
  const fail = (why: string): Error => {
    killTree(child, 'SIGKILL');
    live.delete(child);
    // Without a TTY it logs (e.g. config file errors) only to its log file.
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : '';
    rmSync(dir, { recursive: true, force: true });
    return new Error(`playground failed to start: ${why}\n--- stdout ---\n${out}\n--- stderr ---\n${err}\n--- log ---\n${log}`);
  };
  const deadline = Date.now() + timeoutMs;
  for (let ready = false; !ready; ) {
    if (child.exitCode !== null || child.signalCode !== null) throw fail(`exited with ${child.exitCode ?? child.signalCode}`);
    if (Date.now() > deadline) throw fail(`not ready within ${timeoutMs}ms`);
    await new Promise((r) => setTimeout(r, 100));
    // It prints "Listening on PORT"; if the wanted port was taken it silently picks another.
    const port = /Listening on (\d+)/.exec(out)?.[1];
    if (port) ready = await fetch(`http://localhost:${port}/_debug/ping`).then((r) => r.ok, () => false);
  }
  const port = Number(/Listening on (\d+)/.exec(out)![1]);
  const ws = new WebSocket(`ws://localhost:${port}/_ws_conversation/v1/conversations/stream`);
  await new Promise<void>((ok, no) => { ws.once('open', () => ok()); ws.once('error', no); }).catch((e: unknown) => { throw fail(`websocket: ${String(e)}`); });
  return new Playground(port, opts.botEndpoint, child, ws, dir);
}
