import { buildApp, type Running } from '../../src/main.js';
import type { Clock } from '../../src/app/ports.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startPlayground, type Playground } from './playground.js';
import { startRedis, type RedisServerHandle } from './redis-server.js';
import { testTiming, VOTER_SECRET } from './slack-harness.js';

export interface PlaygroundStack {
  redis: RedisServerHandle;
  app: Running;
  pg: Playground;
  close(): Promise<void>;
}

export interface PlaygroundStackOptions {
  /** The product's clock (real time when absent). */
  clock?: Clock;
}

/** The product in Teams local mode with its own Redis, and the Agents Playground as its client. */
export async function startPlaygroundStack(opts: PlaygroundStackOptions = {}): Promise<PlaygroundStack> {
  const redis = await startRedis();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', REDIS_URL: redis.url, VOTER_SECRET, TEAMS_LOCAL_MODE: 'true' });
  const app = await buildApp(config, redis.url, { logger: createLogger('silent'), refreshTiming: testTiming(200), ...(opts.clock ? { clock: opts.clock } : {}) });
  const pg = await startPlayground({ botEndpoint: `http://127.0.0.1:${app.port()}/api/messages` });
  return {
    redis,
    app,
    pg,
    async close() {
      await pg.stop();
      await app.close();
      await redis.stop();
    },
  };
}
