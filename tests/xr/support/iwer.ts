import { fileURLToPath } from "node:url";
import { build } from "vite";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import "./iwer-entry-types";

let bundle: Promise<string> | null = null;

/** iwer as one classic script for page.addInitScript, built once per test run from node_modules. */
export function iwerInitScript(): Promise<string> {
  bundle ??= (async () => {
    const output = await build({
      configFile: false,
      logLevel: "silent",
      build: {
        write: false,
        minify: false,
        lib: {
          entry: fileURLToPath(new URL("./iwer-entry.ts", import.meta.url)),
          formats: ["iife"],
          name: "YhteistilaTestXR",
        },
      },
    });
    const result = Array.isArray(output) ? output[0] : output;
    if (!result || !("output" in result)) throw new Error("iwer bundle: unexpected build result");
    return result.output[0].code;
  })();
  return bundle;
}

/** Installs the emulated headset in every page of the context, before any of the page's own scripts. */
export async function installEmulatedQuest(page: Page, options: { stereo?: boolean } = {}): Promise<void> {
  await page.context().addInitScript(`window.__xrStereo = ${options.stereo === true};`);
  await page.context().addInitScript(await iwerInitScript());
}

type Vec3 = { x: number; y: number; z: number };
type Hand = "left" | "right";

/** Places the headset (reference-space metres) looking along yaw (radians, 0 = -z) and pitch. */
export function setHeadset(page: Page, position: Vec3, yaw = 0, pitch = 0): Promise<void> {
  return page.evaluate(
    ({ position, yaw, pitch }) => {
      const device = window.__xrDevice!;
      device.position.set(position.x, position.y, position.z);
      // Quaternion of yaw about +y then pitch about +x (the order a person turns their head).
      const cy = Math.cos(yaw / 2);
      const sy = Math.sin(yaw / 2);
      const cp = Math.cos(pitch / 2);
      const sp = Math.sin(pitch / 2);
      device.quaternion.set(cy * sp, sy * cp, -sy * sp, cy * cp);
    },
    { position, yaw, pitch },
  );
}

/** Places a controller and points its ray at `target` (both in reference-space metres). */
export function pointController(page: Page, hand: Hand, position: Vec3, target: Vec3): Promise<void> {
  return page.evaluate(
    ({ hand, position, target }) => {
      const controller = window.__xrDevice!.controllers[hand]!;
      controller.position.set(position.x, position.y, position.z);
      const dx = target.x - position.x;
      const dy = target.y - position.y;
      const dz = target.z - position.z;
      const yaw = Math.atan2(-dx, -dz);
      const pitch = Math.atan2(dy, Math.hypot(dx, dz));
      const cy = Math.cos(yaw / 2);
      const sy = Math.sin(yaw / 2);
      const cp = Math.cos(pitch / 2);
      const sp = Math.sin(pitch / 2);
      controller.quaternion.set(cy * sp, sy * cp, -sy * sp, cy * cp);
    },
    { hand, position, target },
  );
}

export function setStick(page: Page, hand: Hand, x: number, y: number): Promise<void> {
  return page.evaluate(({ hand, x, y }) => window.__xrDevice!.controllers[hand]!.updateAxes("thumbstick", x, y), {
    hand,
    x,
    y,
  });
}

/** Waits until the app has processed `count` more XR frames (counted by its inspector), or left VR. */
export async function xrFrames(page: Page, count = 2): Promise<void> {
  const start = await page.evaluate(() => window.yhteistila!.xr!.state().frames);
  await page.waitForFunction(
    (target) => {
      const state = window.yhteistila!.xr!.state();
      return state.frames >= target || !state.presenting;
    },
    start + count,
    { timeout: 30_000, polling: "raf" },
  );
}

/**
 * A click: pressed, held until the app has seen it in one XR frame, and released at once (a pointer
 * click needs the release soon after the press), all inside the page so no round trip adds to the
 * hold; then one more frame for the app to see the release.
 */
export async function click(page: Page, hand: Hand, button: string): Promise<void> {
  await page.evaluate(
    ({ hand, button }) =>
      new Promise<void>((resolve) => {
        const controller = window.__xrDevice!.controllers[hand]!;
        const start = window.yhteistila!.xr!.state().frames;
        controller.updateButtonValue(button, 1);
        const wait = () => {
          if (window.yhteistila!.xr!.state().frames <= start) return requestAnimationFrame(wait);
          controller.updateButtonValue(button, 0);
          resolve();
        };
        requestAnimationFrame(wait);
      }),
    { hand, button },
  );
  await xrFrames(page, 2);
}

/**
 * Puts the emulated headset on at `head` and enters VR as a person would, with the page's "Enter VR"
 * button (shown only where immersive VR is supported), then waits until the app draws XR frames.
 */
export async function enterVR(page: Page, head: Vec3): Promise<void> {
  await setHeadset(page, head);
  const enter = page.getByRole("button", { name: "Enter VR" });
  await expect.poll(() => enter.isVisible(), { timeout: 30_000 }).toBe(true);
  await enter.click();
  await expect
    .poll(() => page.evaluate(() => window.yhteistila!.xr!.state().presenting), { timeout: 20_000 })
    .toBe(true);
  await xrFrames(page, 3);
}
