import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

// Debian's chromium, or the one CHROMIUM_PATH names: nothing downloads a browser.
const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** Where Chromium is, or undefined (then the browser tests skip, unless SECUQ_REQUIRE_BROWSER is set). */
export const chromiumPath = CANDIDATES.find((path): path is string => path !== undefined && existsSync(path));

/** Starts headless Chromium. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath!,
    headless: true,
    // Root in a container has no user namespace for Chromium's sandbox.
    args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"],
  });
}

/** A page that may read files but reaches no network; what it tried to fetch, and what it threw, are recorded. */
export async function offlinePage(browser: Browser): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 760 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    // Files, and what the page makes itself (a worker from a blob, an inline font): no network.
    if (/^(file|blob|data):/.test(url)) return route.continue();
    requests.push(url);
    return route.abort();
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, requests, errors };
}
