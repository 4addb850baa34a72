/**
 * A local fake of the Slack Web API (plus a response_url endpoint) on 127.0.0.1.
 *
 * Point a WebClient / Bolt App at it with `clientOptions: { slackApiUrl: fake.apiUrl }`.
 * WebClient builds `${slackApiUrl}${method}` (appending '/' if missing) and POSTs
 * application/x-www-form-urlencoded where every non-primitive arg (blocks, metadata, ...)
 * is JSON.stringify'd; numbers/booleans arrive as strings. We parse nested JSON back.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request received by the fake. */
export interface RecordedCall {
  /** Web API method (`chat.postMessage`, ...) or `'response_url'`. */
  method: string;
  /** Parsed arguments: form fields with nested JSON values parsed, or the JSON body. */
  args: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** Bearer token (or `token` form field) used, if any. */
  token: string | undefined;
  /** Request path, e.g. `/respond/abc` for response_url posts. */
  path: string;
  /** HTTP status the fake answered with. */
  status: number;
  /** Body the fake answered with (JSON object, or text for 500s). */
  response: unknown;
  /** `Date.now()` when the call arrived. */
  at: number;
}

/** Failure injected by {@link FakeSlack.failNext}. */
export type FailureKind = { status: 429; retryAfter: number } | { status: 500 } | { ok: false; error: string };

/** Handle of a running fake Slack. */
export interface FakeSlack {
  /** Base URL for WebClient `slackApiUrl`, e.g. `http://127.0.0.1:PORT/api/`. */
  readonly apiUrl: string;
  /** Base for fake response_urls: append anything, e.g. `${responseUrlBase}/cmd-1`. */
  readonly responseUrlBase: string;
  /** Team id returned by auth.test. */
  readonly teamId: string;
  /** All calls in arrival order (including ones answered with an injected failure). */
  readonly calls: RecordedCall[];
  /** Calls of one method, in arrival order. */
  callsTo(method: string): RecordedCall[];
  /**
   * Resolves with the first recorded call (already received or future) matching `predicate`
   * (a method name or a function); rejects after `timeoutMs`. Event-driven, no polling.
   */
  waitFor(predicate: string | ((call: RecordedCall) => boolean), timeoutMs?: number): Promise<RecordedCall>;
  /** The next call to `method` (or `'response_url'`) gets `kind`; calls after that are normal. Stackable. */
  failNext(method: string, kind: FailureKind): void;
  /**
   * Runs `hook` when the next call to `method` arrives, and answers only after it settles: lets a
   * test act at the moment Slack has a message but the bot has not heard back.
   */
  beforeReply(method: string, hook: (call: RecordedCall) => Promise<void>): void;
  /** Locale that users.info reports for `userId` (default `nl-NL`). */
  setUserLocale(userId: string, locale: string): void;
  /**
   * The member ids conversations.members reports for a channel, paged like Slack (by `limit`, with a
   * `next_cursor`); without this only the bot itself (UBOT) is a member.
   */
  setChannelMembers(channel: string, members: string[]): void;
  /** Forget calls, pending failures and user locales. */
  reset(): void;
  /** Stop the server; pending waitFor calls reject. */
  close(): Promise<void>;
}

/** Options for {@link startFakeSlack}. */
export interface FakeSlackOptions {
  teamId?: string;
  /** WebSocket URL that apps.connections.open hands out (Socket Mode tests). */
  socketModeUrl?: string;
}

/** Fields that are plain strings even when they look like JSON (user text must stay text). */
const STRING_FIELDS = new Set(['text', 'token', 'channel', 'ts', 'thread_ts', 'user', 'cursor', 'icon_emoji']);

function parseFormArgs(raw: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const looksJson = /^\s*[[{]/.test(value);
    if (looksJson && !STRING_FIELDS.has(key)) {
      try {
        args[key] = JSON.parse(value) as unknown;
        continue;
      } catch {
        // Not JSON after all: keep the string.
      }
    }
    args[key] = value;
  }
  return args;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) {
    const parsed = JSON.parse(raw) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : { value: parsed };
  }
  // multipart (file uploads) is not supported; record the raw text so a test can see it.
  if (contentType?.includes('multipart/')) return { _raw: raw };
  return parseFormArgs(raw);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the fake on a free 127.0.0.1 port. */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const teamId = options.teamId ?? 'T0TEST';
  const calls: RecordedCall[] = [];
  const failures = new Map<string, FailureKind[]>();
  const hooks = new Map<string, ((call: RecordedCall) => Promise<void>)[]>();
  const locales = new Map<string, string>();
  const channelMembers = new Map<string, string[]>();
  const events = new EventEmitter();
  events.setMaxListeners(0); // many concurrent waitFor calls are fine
  // Monotonic across reset() so message timestamps never repeat within a fake's life.
  let tsCounter = 0;
  let fileCounter = 0;
  // The upload URL handed out by files.getUploadURLExternal points back at this fake.
  let base = '';
  const baseUrl = (): string => base;
  const nextTs = (): string => {
    tsCounter += 100;
    return `${1_700_000_000 + Math.floor(tsCounter / 1e6)}.${String(tsCounter % 1e6).padStart(6, '0')}`;
  };

  /** Normal (successful) answers, shaped like the real API's but trimmed. */
  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    const channel = typeof args['channel'] === 'string' ? args['channel'] : undefined;
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://werktsamen-test.slack.com/', team: 'WerktSamen Test', user: 'werktsamen',
          team_id: teamId, user_id: 'UBOT', bot_id: 'BBOT', is_enterprise_install: false };
      case 'chat.postMessage': {
        const ts = nextTs();
        const message: Record<string, unknown> = { type: 'message', text: args['text'] ?? '', user: 'UBOT',
          bot_id: 'BBOT', ts, team: teamId };
        if (args['blocks'] !== undefined) message['blocks'] = args['blocks'];
        if (args['thread_ts'] !== undefined) message['thread_ts'] = args['thread_ts'];
        return { ok: true, channel, ts, message };
      }
      case 'chat.update':
        return { ok: true, channel, ts: args['ts'], text: args['text'] ?? '' };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'users.info': {
        const id = String(args['user'] ?? '');
        // Like real Slack, the answer carries names and an email: the app must keep none of them.
        const user: Record<string, unknown> = { id, team_id: teamId, name: `user-${id}`, real_name: `User ${id}`,
          tz: 'Europe/Amsterdam', is_bot: false,
          profile: { real_name: `User ${id}`, display_name: `user-${id}`, email: `${id.toLowerCase()}@school.example` } };
        // Like real Slack: locale is only returned when the caller asks with include_locale=true.
        if (args['include_locale'] === 'true' || args['include_locale'] === true) {
          user['locale'] = locales.get(id) ?? 'nl-NL';
        }
        return { ok: true, user };
      }
      case 'apps.connections.open':
        return options.socketModeUrl ? { ok: true, url: options.socketModeUrl } : { ok: false, error: 'invalid_auth' };
      case 'files.getUploadURLExternal': {
        const fileId = `F${++fileCounter}`;
        return { ok: true, file_id: fileId, upload_url: `${baseUrl()}/upload/${fileId}` };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: 'F1', title: 'file' }] };
      case 'conversations.open': {
        // Like Slack: one direct-message channel per person, the same on every call.
        const user = String(args['users'] ?? '');
        return { ok: true, channel: { id: `D${user}`, is_im: true } };
      }
      case 'conversations.history': {
        // The messages posted into the channel so far, newest first, with their metadata (as Slack gives it with include_all_metadata).
        const posted = calls.filter((c) => c.method === 'chat.postMessage' && c.args['channel'] === channel && c.status === 200);
        const messages = posted.reverse().map((c) => {
          const raw = c.args['metadata'];
          const metadata = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
          return { type: 'message', text: c.args['text'] ?? '', ts: (c.response as { ts?: string } | undefined)?.ts, ...(metadata ? { metadata } : {}) };
        });
        return { ok: true, messages, has_more: false };
      }
      case 'conversations.members': {
        const all = channelMembers.get(channel ?? '') ?? ['UBOT'];
        const limit = Math.max(1, Number(args['limit'] ?? 100));
        const from = Number(args['cursor'] ?? 0) || 0;
        const next = from + limit < all.length ? String(from + limit) : '';
        return { ok: true, members: all.slice(from, from + limit), response_metadata: { next_cursor: next } };
      }
      case 'conversations.info':
        return { ok: true, channel: { id: channel, name: 'general', is_channel: true, is_im: false, is_private: false, num_members: 8 } };
      default:
        return { ok: true };
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const isApi = path.startsWith('/api/');
    const isRespond = path.startsWith('/respond/');
    if (req.method === 'POST' && path.startsWith('/upload/')) {
      // Slack's external upload: the file's bytes, recorded so a test can read what was shared.
      const content = await readBody(req);
      const call: RecordedCall = { method: 'upload', args: { content }, headers: req.headers, token: undefined, path, status: 200, response: 'OK', at: Date.now() };
      calls.push(call);
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('OK');
      events.emit('call', call);
      return;
    }
    if (req.method !== 'POST' || (!isApi && !isRespond)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const method = isApi ? path.slice('/api/'.length) : 'response_url';
    let args: Record<string, unknown>;
    try {
      args = parseBody(await readBody(req), req.headers['content-type']);
    } catch (err) {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end(`unparseable body: ${String(err)}`);
      return;
    }
    const auth = req.headers.authorization;
    const bearer = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : undefined;
    const token = bearer || (typeof args['token'] === 'string' && args['token'] !== '' ? args['token'] : undefined);

    let status = 200;
    let response: unknown;
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
    const failure = failures.get(method)?.shift();
    if (failure && 'status' in failure && failure.status === 429) {
      status = 429;
      headers['Retry-After'] = String(failure.retryAfter);
      response = { ok: false, error: 'ratelimited' };
    } else if (failure && 'status' in failure) {
      status = 500;
      headers['Content-Type'] = 'text/plain';
      response = 'Internal Server Error';
    } else if (failure) {
      response = { ok: false, error: failure.error };
    } else if (isApi && token === undefined) {
      response = { ok: false, error: 'not_authed' };
    } else {
      response = isRespond ? { ok: true } : answer(method, args);
    }
    const call: RecordedCall = { method, args, headers: req.headers, token, path, status, response, at: Date.now() };
    const hook = hooks.get(method)?.shift();
    if (hook) await hook(call);
    calls.push(call);
    res.writeHead(status, headers).end(typeof response === 'string' ? response : JSON.stringify(response));
    events.emit('call', call);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`fake-slack internal error: ${String(err)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrlBase: `${base}/respond`,
    teamId,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitFor(predicate, timeoutMs = 5000) {
      const match = typeof predicate === 'string' ? (c: RecordedCall) => c.method === predicate : predicate;
      const already = calls.find(match);
      if (already) return Promise.resolve(already);
      return new Promise<RecordedCall>((resolve, reject) => {
        const cleanup = (): void => {
          clearTimeout(timer);
          events.off('call', onCall);
          events.off('close', onClose);
        };
        const onCall = (c: RecordedCall): void => {
          if (!match(c)) return;
          cleanup();
          resolve(c);
        };
        const onClose = (): void => {
          cleanup();
          reject(new Error('fake Slack was closed while waiting for a call'));
        };
        const timer = setTimeout(() => {
          cleanup();
          const seen = calls.map((c) => c.method).join(', ') || '(none)';
          reject(new Error(`fake Slack: no matching call within ${timeoutMs}ms; calls so far: ${seen}`));
        }, timeoutMs);
        events.on('call', onCall);
        events.on('close', onClose);
      });
    },
    failNext(method, kind) {
      const queue = failures.get(method) ?? [];
      queue.push(kind);
      failures.set(method, queue);
    },
    beforeReply(method, hook) {
      hooks.set(method, [...(hooks.get(method) ?? []), hook]);
    },
    setUserLocale(userId, locale) {
      locales.set(userId, locale);
    },
    setChannelMembers(channel, members) {
      channelMembers.set(channel, [...members]);
    },
    reset() {
      calls.length = 0;
      failures.clear();
      locales.clear();
      channelMembers.clear();
    },
    async close() {
      events.emit('close');
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
