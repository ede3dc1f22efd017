/** Opens the cold-start page (`cold-start.ts`) and reads what it measured: shared by the cold-start runner and tracer. */
import type { Page } from 'playwright-core';

export type ColdStartSample = Record<string, number | string | undefined>;

/** Navigates `page` to `url` and waits for the page's result; a failed page throws with its reason. */
export async function readColdStart(page: Page, url: string): Promise<ColdStartSample> {
  await page.goto(url);
  await page.waitForFunction(() => window.__cold !== undefined || window.__coldError !== undefined, undefined, { timeout: 120_000, polling: 50 });
  const error = await page.evaluate(() => window.__coldError);
  if (error !== undefined) throw new Error(`the cold-start page failed: ${error}`);
  return (await page.evaluate(() => window.__cold))!;
}
