import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, MAX_BODY_BYTES } from '../../src/http/server.js';
import { captureLogs } from '../support/log-capture.js';

let server: Server;
let base: string;
const logs = captureLogs();
beforeAll(async () => {
  server = createHttpServer(
    {
      '/echo': async (req) => ({ status: 200, body: String(req.body.length) }),
      '/bad-input': async () => ({ status: 400, body: 'unreadable body' }),
      '/fault': async () => {
        throw new TypeError('a bug on our side');
      },
      '/query': async (req) => ({ status: 200, body: JSON.stringify({ path: req.path, query: req.query }) }),
      '/bytes': async () => ({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from([0, 0xff, 0xfe, 0x80]) }),
      '/prefix/': async (req) => {
        if (req.path.endsWith('/fail')) throw new RangeError('broken below the prefix');
        return { status: 200, body: req.path };
      },
    },
    logs.logger,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the HTTP server', () => {
  it('answers 413 to an oversized body, read to its end so the client sees the answer', async () => {
    for (const size of [MAX_BODY_BYTES + 1, 2 * MAX_BODY_BYTES]) {
      const res = await fetch(`${base}/echo`, { method: 'POST', body: 'x'.repeat(size) });
      expect(res.status).toBe(413);
    }
    expect(await (await fetch(`${base}/echo`, { method: 'POST', body: 'x'.repeat(MAX_BODY_BYTES) })).text()).toBe(String(MAX_BODY_BYTES));
  });

  it('answers 500 only when a route throws (a fault on our side), logging the error class only', async () => {
    expect((await fetch(`${base}/bad-input`, { method: 'POST', body: '{' })).status).toBe(400);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const fault = await fetch(`${base}/fault`, { method: 'POST', body: 'x' });
    expect(fault.status).toBe(500);
    expect(await fault.text()).toBe('internal error');
    expect(logs.entries().find((l) => l.msg === 'request failed')).toMatchObject({ route: '/fault', errorClass: 'TypeError' });
    expect(logs.text()).not.toContain('a bug on our side');
  });

  it('hands every path below a prefix route to it, and logs the route, never the path (a dossier path is a credential)', async () => {
    expect(await (await fetch(`${base}/prefix/secret-token.md?x=1`)).text()).toBe('/prefix/secret-token.md');
    expect((await fetch(`${base}/prefixed`)).status).toBe(404);
    expect((await fetch(`${base}/prefix/secret-token/fail`)).status).toBe(500);
    expect(logs.entries().find((l) => l.errorClass === 'RangeError')).toMatchObject({ route: '/prefix/' });
    expect(logs.text()).not.toContain('secret-token');
  });

  it('hands a route the raw query string, and sends bytes unchanged', async () => {
    expect(await (await fetch(`${base}/query?activeQueue=poll-jobs&page=1`)).json()).toEqual({ path: '/query', query: 'activeQueue=poll-jobs&page=1' });
    expect(await (await fetch(`${base}/query`)).json()).toEqual({ path: '/query', query: '' });
    const bytes = await fetch(`${base}/bytes`);
    expect(bytes.headers.get('content-type')).toBe('application/octet-stream');
    expect([...new Uint8Array(await bytes.arrayBuffer())]).toEqual([0, 0xff, 0xfe, 0x80]);
  });
});
