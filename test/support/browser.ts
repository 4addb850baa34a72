/**
 * Headless Debian Chromium for UI tests (e.g. the Agents Playground), driven by playwright-core.
 * playwright-core ships no browser: we use the system one (`apt-get install chromium`).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

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

/**
 * Opens `url` (the Playground's UI) in a fresh Chromium page, runs `steps`, and on failure saves a
 * screenshot of what the page showed under `failureShot` in `artifactsDir` before rethrowing.
 */
export async function inBrowser(url: string, artifactsDir: string, failureShot: string, steps: (page: Page) => Promise<void>, viewport = { width: 1280, height: 900 }): Promise<void> {
  const browser = await launchChromium();
  mkdirSync(artifactsDir, { recursive: true });
  try {
    const page = await browser.newPage({ viewport });
    await page.goto(url);
    await steps(page);
  } catch (err) {
    await browser.contexts()[0]?.pages()[0]?.screenshot({ path: resolve(artifactsDir, failureShot) });
    throw err;
  } finally {
    await browser.close();
  }
}

/** Types `text` into the Playground's message box and sends it, as a person would. */
export async function typeMessage(page: Page, text: string): Promise<void> {
  await page.locator('[data-lexical-editor="true"][role="textbox"]').click();
  await page.keyboard.type(text);
  await page.getByRole('button', { name: 'Send Message' }).click();
}
