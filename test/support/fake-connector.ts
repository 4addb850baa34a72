/**
 * A local fake of the Bot Framework connector (the service a bot calls to send and update
 * activities). Records every call; answers with ids like the real service.
 */
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  /** The activity id in the path: the replied-to activity for POST, the updated one for PUT. */
  activityId?: string;
  /** The id the fake answered with (a new one for each POST). */
  responseId: string;
  body: Record<string, unknown>;
  at: number;
}

export interface FakeConnector {
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Resolves with the first call (past or future) matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (c: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  /** The next call with this HTTP method answers `status` with a connector error body of `code`. Stackable. */
  failNext(method: 'POST' | 'PUT' | 'CREATE', status: number, code: string): void;
  /**
   * Runs `hook` when the next call with this method arrives, and answers only after it settles:
   * lets a test act at the moment the platform has a message but the bot has not heard back.
   */
  beforeReply(method: 'POST' | 'PUT', hook: (call: ConnectorCall) => Promise<void>): void;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;
const MEMBERS = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/;
const MEMBER = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/;

/** The roster the fake answers for every conversation (a team of seven people). */
export const ROSTER = ['Ann', 'Bart', 'Chloe', 'Dries', 'Els', 'Fien', 'Gust'].map((n) => ({
  id: `29:${n}`,
  name: n,
  aadObjectId: `aad-${n}`,
  userPrincipalName: `${n.toLowerCase()}@school.example`,
}));

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const events = new EventEmitter();
  let counter = 0;
  const failures = new Map<string, { status: number; code: string }[]>();
  const hooks = new Map<string, ((call: ConnectorCall) => Promise<void>)[]>();
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    req.on('end', async () => {
      const path = (req.url ?? '').split('?')[0]!;
      const m = ROUTE.exec(path);
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = {};
      }
      const call: ConnectorCall = {
        method: req.method ?? 'GET',
        path,
        conversationId: m ? decodeURIComponent(m[1]!) : '',
        activityId: m?.[2] ? decodeURIComponent(m[2]) : undefined,
        responseId: '',
        body,
        at: Date.now(),
      };
      call.responseId = req.method === 'POST' ? `activity-${++counter}` : (call.activityId ?? '');
      calls.push(call);
      events.emit('call', call);
      const hook = hooks.get(call.method)?.shift();
      if (hook) await hook(call);
      const member = MEMBER.exec(path);
      if (member && req.method === 'GET') {
        // Like Teams: one member by their 29: id or Entra object id, or 404 when not in the roster.
        const id = decodeURIComponent(member[2]!);
        const found = ROSTER.find((r) => r.id === id || r.aadObjectId === id);
        res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(found ?? { error: { code: 'MemberNotFoundInConversation', message: 'not found' } }));
        return;
      }
      if (path === '/v3/conversations' && req.method === 'POST') {
        // A personal chat with the bot: one conversation id per person, as Teams gives.
        const failure = failures.get('CREATE')?.shift();
        const members = (body.members as { id?: string }[] | undefined) ?? [];
        res.writeHead(failure ? failure.status : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(failure ? { error: { code: failure.code, message: 'injected by the test' } } : { id: `a:personal-${members[0]?.id ?? ''}` }));
        return;
      }
      if (MEMBERS.test(path) && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ members: ROSTER }));
        return;
      }
      const failure = failures.get(call.method)?.shift();
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: failure.code, message: 'injected by the test' } }));
        return;
      }
      res.writeHead(m ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: call.responseId }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    waitFor(predicate, timeoutMs = 10_000) {
      const found = calls.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const onCall = (c: ConnectorCall): void => {
          if (!predicate(c)) return;
          clearTimeout(timer);
          events.off('call', onCall);
          resolve(c);
        };
        const timer = setTimeout(() => {
          events.off('call', onCall);
          reject(new Error('fake connector: expected call did not arrive'));
        }, timeoutMs);
        events.on('call', onCall);
      });
    },
    failNext(method, status, code) {
      failures.set(method, [...(failures.get(method) ?? []), { status, code }]);
    },
    beforeReply(method, hook) {
      hooks.set(method, [...(hooks.get(method) ?? []), hook]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
