/**
 * Headless Debian Chromium through playwright-core, in a fresh profile. The flags keep Chromium
 * from calling out to the network, which this machine closes.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(options: Parameters<typeof chromium.launchPersistentContext>[1] = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'weicheng-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, locale: 'zh-CN', ...options });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Where a browser test leaves a screenshot. An ordinary run writes under test-results/ (ignored
 * by git), so `npm test` never dirties the tree; `npm run docs:screenshots` sets
 * WEICHENG_DOCS_SCREENSHOTS=1 to refresh the images the README shows, under docs/.
 */
export function screenshotPath(docsPath: string): string {
  const path = process.env.WEICHENG_DOCS_SCREENSHOTS === '1' ? resolve(docsPath) : resolve('test-results', docsPath);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}
