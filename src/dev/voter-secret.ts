import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FILE = 'voter-secret';

/**
 * The voter secret for local use with the private Redis: generated once and kept under
 * `<dataDir>/voter-secret` (readable by the owner only), beside the Redis data but never in it.
 * A deployment with its own REDIS_URL sets VOTER_SECRET instead.
 */
export function loadOrCreateVoterSecret(dataDir: string): string {
  const dir = resolve(dataDir);
  const path = join(dir, FILE);
  if (existsSync(path)) {
    const secret = readFileSync(path, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return secret;
}
