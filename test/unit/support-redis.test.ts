import { Redis } from 'ioredis';
import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRedis, type RedisServerHandle } from '../support/redis-server.js';

/** A client that fails fast instead of reconnecting, so "server is down" is observable. */
function oneShotClient(url: string): Redis {
  return new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, enableOfflineQueue: false });
}

/** Resolves when a TCP connection to the port succeeds, rejects with the socket error otherwise. */
function tcpConnect(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const sock = createConnection({ host: '127.0.0.1', port });
    sock.once('connect', () => {
      sock.destroy();
      resolve();
    });
    sock.once('error', reject);
  });
}

describe('startRedis', () => {
  let redis: RedisServerHandle;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('answers PING on the advertised url', async () => {
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    const client = oneShotClient(redis.url);
    await client.connect();
    expect(await client.ping()).toBe('PONG');
    expect(await client.config('GET', 'save')).toEqual(['save', '']);
    expect(await client.config('GET', 'dir')).toEqual(['dir', redis.dataDir]);
    client.disconnect();
  });

  it('stop() really stops the server and restart() brings it back empty on the same port', async () => {
    const port = redis.port;
    const client = oneShotClient(redis.url);
    await client.connect();
    await client.set('k', 'v');
    client.disconnect();

    await redis.stop();
    await redis.stop(); // idempotent
    await expect(tcpConnect(port)).rejects.toThrow(/ECONNREFUSED/);

    await redis.restart();
    expect(redis.port).toBe(port);
    const after = oneShotClient(redis.url);
    await after.connect();
    expect(await after.ping()).toBe('PONG');
    expect(await after.get('k')).toBeNull(); // persistence is off: a restart loses data
    after.disconnect();
  });

  it('an auto-reconnecting ioredis client recovers after restart()', async () => {
    const client = new Redis(redis.url, { retryStrategy: () => 10 });
    client.on('error', () => {}); // ECONNREFUSED while the server is down is expected here
    expect(await client.ping()).toBe('PONG');
    await redis.restart();
    expect(await client.ping()).toBe('PONG'); // queued until reconnected
    client.disconnect();
  });

  it('two servers get different ports and dirs', async () => {
    const other = await startRedis();
    try {
      expect(other.port).not.toBe(redis.port);
      expect(other.dataDir).not.toBe(redis.dataDir);
    } finally {
      await other.stop();
    }
  });

  it('fails loudly when redis-server is missing', async () => {
    vi.stubEnv('REDIS_SERVER_BIN', '/nonexistent/redis-server');
    vi.resetModules();
    try {
      const mod = await import('../support/redis-server.js');
      await expect(mod.startRedis()).rejects.toThrow('redis-server is not installed: apt-get install redis-server');
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
