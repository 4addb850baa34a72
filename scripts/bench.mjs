#!/usr/bin/env node
// `npm run bench [-- --voters N --warmup N --concurrency N --rounds N --step-rounds N --follow-ups N --nudges N --only slack|teams|steps|steps-slack|steps-teams|follow-ups --profile]`
// Runs bench/run.ts (TypeScript, via the tsx loader) and passes its exit code on.
// See bench/run.ts for what is measured; results go to stdout and test/artifacts/bench-latest.json.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
