import type { AddressInfo } from 'node:net';
import { request as httpRequest, type Server } from 'node:http';
import { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../src/http/server.js';
import { adminRoutes } from '../../src/http/queue-dashboard.js';
import { createJobQueue, ExpireJobSchema, JOB_QUEUE } from '../../src/jobs/scheduler.js';
import { captureLogs } from '../support/log-capture.js';
import { startRedis, type RedisServerHandle } from '../support/redis-server.js';

const PASSWORD = 'dashboard-password-for-tests';
const POLL_ID = 'pollDashboard001';
const JOB_ID = `expire-${POLL_ID}`;
const logs = captureLogs();

let redis: RedisServerHandle;
let queueConn: Redis;
let queue: Queue;
let server: Server;
let base: string;
beforeAll(async () => {
  redis = await startRedis();
  queueConn = new Redis(redis.url, { maxRetriesPerRequest: null });
  queue = createJobQueue(queueConn);
  await queue.add('expire', { platform: 'slack', tenant: 'T1', pollId: POLL_ID }, { jobId: JOB_ID, delay: 3600_000 });
  server = createHttpServer({ '/healthz': async () => ({ status: 200, body: 'ok' }), ...adminRoutes([queue], PASSWORD) }, logs.logger);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/queues`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await queue?.close();
  queueConn?.disconnect();
  await redis?.stop();
});

const basic = (user: string, password: string): Record<string, string> => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});
const get = (path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${base}${path}`, { ...init, headers: { ...basic('admin', PASSWORD), ...(init.headers as Record<string, string>) } });

/** A GET with the path sent exactly as written (fetch would resolve its dots first). */
const rawStatus = (path: string): Promise<number | undefined> =>
  new Promise((resolve, reject) => {
    const url = new URL(base);
    httpRequest({ host: url.hostname, port: url.port, path: `${url.pathname}${path}`, headers: basic('admin', PASSWORD) }, (res) => {
      res.resume();
      resolve(res.statusCode);
    })
      .on('error', reject)
      .end();
  });

interface ApiJob { id: string; data: Record<string, unknown> }

describe('the queue dashboard', () => {
  it('asks for the password, and refuses a wrong one, on every path', async () => {
    for (const path of ['', '/', '/api/queues', '/static/images/logo.svg']) {
      for (const headers of [{}, basic('admin', 'not-the-password'), basic('admin', ''), { authorization: 'Bearer x' }]) {
        const res = await fetch(`${base}${path}`, { headers });
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Basic realm="WerktSamen queues"');
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(res.headers.get('x-robots-tag')).toBe('noindex');
        expect(await res.text()).not.toContain('poll-jobs');
      }
    }
  });

  it('serves the page with the password (any user name), and the static files it refers to', async () => {
    for (const path of ['', '/', `/queue/${JOB_QUEUE}`]) {
      const page = await fetch(`${base}${path}`, { headers: basic('whoever', PASSWORD) });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('x-robots-tag')).toBe('noindex');
      const html = await page.text();
      expect(html).toContain('<base href="/admin/queues/"');
      expect(html).not.toContain(PASSWORD);
    }
    const html = await (await get('')).text();
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(html)?.[1];
    const style = /href="(static\/css\/main\.[^"]+\.css)"/.exec(html)?.[1];
    expect(script && style).toBeTruthy();
    for (const [path, type] of [[script, /javascript/], [style, /^text\/css/], ['static/images/logo.svg', /^image\/svg\+xml/]] as const) {
      const res = await get(`/${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(type);
      expect(res.headers.get('x-robots-tag')).toBe('noindex');
      expect(res.headers.get('cache-control')).toBeNull();
      expect((await res.arrayBuffer()).byteLength, path).toBeGreaterThan(0);
    }
    const png = await get('/static/favicon-32x32.png');
    expect(png.headers.get('content-type')).toBe('image/png');
    // Binary bytes come through unchanged: the PNG signature.
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect((await get('/static/no-such-file.js')).status).toBe(404);
    for (const path of ['/static/../../../../package.json', '/static/..%2f..%2f..%2fpackage.json', '/static/%2e%2e/%2e%2e/index.ejs']) {
      expect(await rawStatus(path), path).toBe(404);
    }
  });

  it('lists the queue and its delayed job, read-only, with ids and nothing else in the job data', async () => {
    const res = await get(`/api/queues?activeQueue=${JOB_QUEUE}&status=delayed&page=1&jobsPerPage=10`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const { queues } = JSON.parse(text) as { queues: { name: string; readOnlyMode: boolean; counts: Record<string, number>; jobs: ApiJob[] }[] };
    expect(queues.map((q) => q.name)).toEqual([JOB_QUEUE]);
    const [listed] = queues;
    expect(listed).toMatchObject({ readOnlyMode: true, counts: { delayed: 1 } });
    expect(listed!.jobs.map((j) => j.id)).toEqual([JOB_ID]);

    const one = await get(`/api/queues/${JOB_QUEUE}/${JOB_ID}`);
    const { job, status } = (await one.json()) as { job: ApiJob; status: string };
    expect(status).toBe('delayed');
    expect(job.id).toBe(JOB_ID);
    // Payloads are ids only by design: exactly the schema's id fields, nothing else.
    expect(Object.keys(job.data).sort()).toEqual(['platform', 'pollId', 'tenant']);
    expect(ExpireJobSchema.strict().parse(job.data)).toEqual({ platform: 'slack', tenant: 'T1', pollId: POLL_ID });
    expect(text).not.toContain(PASSWORD);
  });

  it('changes nothing from the browser: every method but GET and HEAD is refused', async () => {
    for (const [method, path] of [['PUT', `/api/queues/${JOB_QUEUE}/${JOB_ID}/clean`], ['PUT', `/api/queues/${JOB_QUEUE}/promote`], ['POST', `/api/queues/${JOB_QUEUE}/add`], ['PATCH', `/api/queues/${JOB_QUEUE}/${JOB_ID}/delay`]]) {
      const res = await get(path!, { method, body: '{}' });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
    expect(await (await queue.getJob(JOB_ID))?.getState()).toBe('delayed');
    expect((await get('', { method: 'HEAD' })).status).toBe(200);
  });

  it('never logs the password', () => {
    expect(logs.text()).not.toContain(PASSWORD);
    expect(logs.text()).not.toContain(Buffer.from(`admin:${PASSWORD}`).toString('base64'));
  });
});

describe('without ADMIN_PASSWORD', () => {
  it('adds no route, so /admin/queues is a plain 404', async () => {
    expect(adminRoutes([queue])).toEqual({});
    expect(adminRoutes([queue], '')).toEqual({});
    expect(Object.keys(adminRoutes([queue], PASSWORD)).sort()).toEqual(['/admin/queues', '/admin/queues/']);
    const plain = createHttpServer({ ...adminRoutes([queue], undefined) }, logs.logger);
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/admin/queues`;
      for (const path of ['', '/', '/api/queues']) expect((await fetch(`${url}${path}`, { headers: basic('admin', PASSWORD) })).status).toBe(404);
    } finally {
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  });
});
