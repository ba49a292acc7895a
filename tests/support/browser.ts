import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startTestServer, type TestServer } from "./server";

/** Flags measured to render WebGL2 in software and to stay off the network (see ../shared/README.md). */
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--enable-unsafe-swiftshader",
  "--use-angle=swiftshader",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export const ARTIFACTS_DIR = join(process.cwd(), "test-artifacts");

/** CHROMIUM_PATH, else Debian's Chromium, else the Chromium packaged in node_modules (@sparticuz/chromium). */
export async function findChromium(): Promise<{ path: string; packaged: boolean }> {
  if (process.env.CHROMIUM_PATH) return { path: process.env.CHROMIUM_PATH, packaged: false };
  if (existsSync("/usr/bin/chromium")) return { path: "/usr/bin/chromium", packaged: false };
  const { default: packaged } = await import("@sparticuz/chromium");
  return { path: await packaged.executablePath(), packaged: true };
}

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const { path } = await findChromium();
  return chromium.launch({ executablePath: path, headless: true, args: [...CHROMIUM_FLAGS, ...extraArgs] });
}

/**
 * A browser test file's fixtures: the real server serving the built client (`npm run build` first)
 * and one Chromium, started before the file's tests and closed after them. `ready` hands both over.
 */
export function withServerAndBrowser(
  ready: (server: TestServer, browser: Browser) => void,
  chromiumArgs: string[] = [],
): void {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startTestServer({ clientDir: "dist" });
    browser = await launchChromium(chromiumArgs);
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** Every URL a page requested, so a test can prove that nothing left the host. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on("request", (request) => urls.push(request.url()));
  context.on("page", (page) => page.on("websocket", (socket) => urls.push(socket.url())));
  return urls;
}

/** URLs that went anywhere but this machine (data: and blob: never leave the page). */
export function externalRequests(urls: readonly string[]): string[] {
  return urls.filter((url) => {
    if (url.startsWith("data:") || url.startsWith("blob:")) return false;
    const host = new URL(url).hostname;
    return host !== "127.0.0.1" && host !== "localhost" && host !== "[::1]";
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) });
}

/** Collects page errors so a test can assert the page ran cleanly. */
export function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}
