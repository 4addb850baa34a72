/**
 * Headless Debian Chromium for UI tests (e.g. the Agents Playground), driven by playwright-core.
 * playwright-core ships no browser: we use the system one (`apt-get install chromium`).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_BIN'] ?? '/usr/bin/chromium';

/** Flags that work in this container (no GPU, no sandbox, no network but loopback). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Launches headless Chromium. Playwright gives every launch a fresh temporary profile (user data dir). */
export async function launchChromium(): Promise<Browser> {
  if (!chromiumInstalled()) throw new Error('chromium is not installed: apt-get install chromium');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 30_000 });
}
