import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** The Chromium browser tests drive: Debian's (tools/stack/setup.sh installs it), or CHROMIUM_PATH. */
export function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
}

/**
 * Starts a headless Chromium through playwright-core (which downloads nothing). A missing browser is a
 * failure that says how to install it, never a skipped suite.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath))
    throw new Error(
      `no Chromium at ${executablePath}: run tools/stack/setup.sh (it installs Debian's chromium), or set CHROMIUM_PATH to a Chromium`,
    );
  // Loaded here, not at the top: most suites that import this library never start a browser.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless: true });
}
