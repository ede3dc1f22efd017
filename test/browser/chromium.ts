/**
 * Debian's Chromium as the browser tests and the browser benchmark launch it, through
 * playwright-core. Free of vitest, so that scripts outside the test runner (`npm run
 * bench:browser`) can import it; `harness.ts` re-exports it for the tests.
 */
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-webgpu',
];

export function launchChromium(extra: Partial<LaunchOptions> = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, ...extra });
}
