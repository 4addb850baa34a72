#!/usr/bin/env node
// Makes sure the Debian packages a command needs are present: `node scripts/system-deps.mjs test|local`.
// As root on Debian it installs what is missing with apt-get; otherwise it prints the exact command and fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needs = {
  local: [{ bin: '/usr/bin/redis-server', pkg: 'redis-server' }],
  test: [
    { bin: '/usr/bin/redis-server', pkg: 'redis-server' },
    { bin: '/usr/bin/chromium', pkg: 'chromium' },
    // Without a colour emoji font the card's thermometer renders as a box in screenshots.
    { bin: '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf', pkg: 'fonts-noto-color-emoji' },
  ],
};

const purpose = process.argv[2] ?? 'test';
const missing = (needs[purpose] ?? []).filter((n) => !existsSync(n.bin)).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  process.stderr.write(`Missing system packages: ${missing.join(', ')}.\nInstall them with: sudo sh -c '${command}'\n`);
  process.exit(1);
}
process.stdout.write(`Installing missing system packages: ${missing.join(', ')}\n`);
execFileSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
