import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Flags for Chromium on a machine with no network but loopback (see the README). */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
];

/** Debian's Chromium, or CHROMIUM_PATH; Playwright's own browser where neither exists. */
export function chromiumLaunchOptions(): LaunchOptions {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const executablePath = candidates.find((path): path is string => !!path && existsSync(path));
  return { ...(executablePath ? { executablePath } : {}), args: QUIET_FLAGS };
}
