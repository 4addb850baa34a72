/**
 * A loopback forwarding proxy in front of a fake platform (test/support/fake-slack.ts or
 * fake-connector.ts) that answers one kind of request itself: the member count of a channel. The
 * shared fakes answer 8 Slack members / a 7-person Teams roster, which makes "40 answers" read as
 * "40 van 7 leden"; the step run needs a channel of realistic size, and the fakes are not ours to
 * change. Everything else passes through unchanged, so the fakes still record every card update.
 */
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy answers instead of the fake; undefined lets the request through. */
export type Intercept = (method: string, path: string, body: string) => { status: number; body: unknown } | undefined;

export interface MemberProxy {
  /** Base URL of the proxy, without a trailing slash (e.g. http://127.0.0.1:PORT). */
  readonly url: string;
  /** How many requests the proxy answered itself. */
  intercepted(): number;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/**
 * Starts the proxy. `matches` decides from method and path alone whether a request may be answered
 * here (only then is its body read first); `intercept` builds the answer.
 */
export async function startMemberProxy(targetBase: string, matches: (method: string, path: string) => boolean, intercept: Intercept): Promise<MemberProxy> {
  const target = new URL(targetBase);
  // Keep-alive to the fake, so the extra hop costs a loopback write and not a TCP handshake per update.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let count = 0;

  const forward = (req: IncomingMessage, res: ServerResponse, body?: string): void => {
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host }, agent },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    if (body === undefined) req.pipe(upstream);
    else upstream.end(body);
  };

  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!matches(method, path)) return forward(req, res);
    readBody(req)
      .then((body) => {
        const answer = intercept(method, path, body);
        if (!answer) return forward(req, res, body);
        count++;
        res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(answer.body));
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(400);
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    intercepted: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
