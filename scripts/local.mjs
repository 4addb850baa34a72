#!/usr/bin/env node
// `npm run local`: WerktSamen on this machine with no accounts. Starts the bot (which starts a private
// redis-server under .data/ when REDIS_URL is unset) in Teams local mode, then the Microsoft 365 Agents
// Playground as the Teams client, and prints the URL to open. Ctrl+C stops everything.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const children = [];

function portFree(port) {
  return new Promise((ok) => {
    const srv = createServer();
    srv.once('error', () => ok(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => ok(true)));
  });
}
async function pickPort(preferred) {
  if (await portFree(preferred)) return preferred;
  return new Promise((ok) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}
function stopAll(code = 0) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** Resolves when `pattern` appears in the child's output; the output is passed through. */
function waitForOutput(child, pattern, what) {
  return new Promise((ok, fail) => {
    const onData = (d) => {
      process.stdout.write(d);
      if (pattern.test(d.toString())) ok();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.once('exit', (code) => fail(new Error(`${what} stopped (exit code ${code})`)));
  });
}

const botPort = await pickPort(Number(process.env.PORT ?? 3978));
const bot = spawn(process.execPath, [resolve(root, 'dist/main.js')], {
  cwd: root,
  env: { ...process.env, PORT: String(botPort), HOST: process.env.HOST ?? '127.0.0.1', TEAMS_LOCAL_MODE: 'true', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
children.push(bot);
await waitForOutput(bot, /WerktSamen is running/, 'the bot').catch((err) => {
  process.stderr.write(`${err.message}\n`);
  stopAll(1);
});

const uiPort = await pickPort(56150);
const scratch = resolve(root, '.data/playground');
mkdirSync(scratch, { recursive: true });
const playground = spawn(
  resolve(root, 'node_modules/.bin/agentsplayground'),
  ['-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', String(uiPort), '--disable-telemetry'],
  { cwd: scratch, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' }, stdio: ['ignore', 'pipe', 'pipe'] },
);
children.push(playground);
await waitForOutput(playground, /Listening on/i, 'the Agents Playground').catch((err) => {
  process.stderr.write(`${err.message}\n`);
  stopAll(1);
});
process.stdout.write(
  `\n  WerktSamen is ready.\n  Open http://localhost:${uiPort} and type "start Homework club" in the personal chat\n  (or "@" the bot with it in a channel), then follow the cards; "poll" runs a poll on its own.\n  Ctrl+C stops everything.\n\n`,
);
bot.once('exit', () => stopAll(1));
playground.once('exit', () => stopAll(1));
