/**
 * Debian's Chromium for the browser tests (playwright-core drives it; CHROMIUM_PATH overrides the path),
 * headless and quiet: no sandbox, GPU, background networking, QUIC, first-run, component updates or sync.
 */
import { chromium, type Browser } from "playwright-core";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
