import { Redis } from 'ioredis';

export interface DumpedKey {
  key: string;
  type: string;
  /** Milliseconds left; -1 means the key has no lifetime. */
  pttl: number;
  /** Every member, field and value of the key as text. */
  value: string;
}

/** Reads every key in a Redis (all types, with their lifetimes), for tests that look for what must not be there. */
export async function dumpRedis(url: string): Promise<DumpedKey[]> {
  const client = new Redis(url);
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await client.scan(cursor, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    const out: DumpedKey[] = [];
    for (const key of keys.sort()) {
      const type = await client.type(key);
      const pttl = await client.pttl(key);
      let value: unknown;
      if (type === 'string') value = await client.get(key);
      else if (type === 'hash') value = await client.hgetall(key);
      else if (type === 'list') value = await client.lrange(key, 0, -1);
      else if (type === 'set') value = await client.smembers(key);
      else if (type === 'zset') value = await client.zrange(key, '0', '-1', 'WITHSCORES');
      else if (type === 'stream') value = await client.xrange(key, '-', '+');
      else if (type === 'none') continue;
      else throw new Error(`dumpRedis: unknown type ${type} of ${key}`);
      out.push({ key, type, pttl, value: JSON.stringify(value) });
    }
    return out;
  } finally {
    client.disconnect();
  }
}

/** Every key name and value of a dump as one text. */
export const dumpText = (dump: DumpedKey[]): string => dump.map((d) => `${d.key}\n${d.value}`).join('\n');
