import { expect } from "vitest";
import type { Page } from "playwright-core";
import { screenshot } from "../../support/browser";
import { click, pointController, setHeadset, xrFrames } from "./iwer";

type Vec3 = { x: number; y: number; z: number };

/**
 * Looks at a button of the open in-VR menu from `head` (the headset's place in the test's room),
 * points the right controller's ray at it and pulls the trigger. Returns where the head was turned.
 */
export async function pressMenuButton(
  page: Page,
  head: Vec3,
  id: string,
  options: { screenshot?: boolean } = {},
): Promise<{ yaw: number; pitch: number }> {
  let turned = { yaw: 0, pitch: 0 };
  const buttonAt = () => page.evaluate((button) => window.yhteistila!.xr!.menuButton(button), id);
  let target = await buttonAt();
  if (target) {
    // Turn the head towards it, as a person would (the screenshot then shows the menu and the ray).
    const yaw = Math.atan2(-(target.x - head.x), -(target.z - head.z));
    turned = { yaw, pitch: Math.atan2(target.y - head.y, Math.hypot(target.x - head.x, target.z - head.z)) };
    await setHeadset(page, head, turned.yaw, turned.pitch);
  }
  // The panel lays itself out over a few frames once its font has loaded, and turns to face the eyes:
  // wait until the button stays put.
  await expect
    .poll(
      async () => {
        const before = target;
        await xrFrames(page, 3);
        target = await buttonAt();
        return before !== null && target !== null && Math.hypot(before.x - target.x, before.y - target.y) < 0.001;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const at = target!;
  await pointController(page, "right", { x: at.x + 0.15, y: at.y - 0.1, z: at.z + 0.35 }, at);
  await xrFrames(page, 3);
  if (options.screenshot !== false) await screenshot(page, `vr-menu-${id}`);
  await click(page, "right", "trigger");
  return turned;
}
