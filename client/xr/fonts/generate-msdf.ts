/**
 * Regenerates the in-VR menu's font atlases (assets/fonts/msdf) from the project's TTF fonts:
 * `npm run fonts:msdf`. Needs Chromium like the browser tests; the output is committed.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { launchChromium } from "../../../tests/support/browser";
import { MENU_CHARSET, MSDF_FONTS } from "./msdf-fonts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const output = await build({
  configFile: false,
  logLevel: "silent",
  build: {
    write: false,
    minify: false,
    lib: { entry: fileURLToPath(new URL("./msdf-entry.ts", import.meta.url)), formats: ["iife"], name: "Msdf" },
  },
});
const bundle = (Array.isArray(output) ? output[0] : output) as { output: { code: string }[] };

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  // Answered from disk by the test browser itself: nothing is requested from any server, no CSP applies.
  await page.route("http://localhost/msdf-fonts/**", (route) => {
    const name = new URL(route.request().url()).pathname.split("/").pop() ?? "";
    if (!name.endsWith(".ttf"))
      return route.fulfill({ body: "<!doctype html><title>msdf</title>", contentType: "text/html" });
    return route.fulfill({ body: readFileSync(join(root, "assets", "fonts", name)), contentType: "font/ttf" });
  });
  await page.goto("http://localhost/msdf-fonts/");
  await page.addScriptTag({ content: bundle.output[0]!.code });
  const outDir = join(root, "assets", "fonts", "msdf");
  mkdirSync(outDir, { recursive: true });
  for (const font of MSDF_FONTS) {
    const family = (await page.evaluate((input) => window.generateMsdf([input]), {
      url: `http://localhost/msdf-fonts/${font.ttf}`,
      charset: MENU_CHARSET,
      fontSize: 42,
      textureSize: [1024, 1024] as [number, number],
    })) as Record<string, Record<string, { pages: string[] }>>;
    const info = Object.values(Object.values(family)[0]!)[0]!;
    const png = `${font.name}.png`;
    writeFileSync(join(outDir, png), Buffer.from(info.pages[0]!.split(",")[1]!, "base64"));
    writeFileSync(join(outDir, `${font.name}.json`), JSON.stringify({ ...info, pages: [png] }));
    console.log(`assets/fonts/msdf/${font.name}.json + .png`);
  }
} finally {
  await browser.close();
}
