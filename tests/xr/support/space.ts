import type { Page } from "playwright-core";

type Vec3 = { x: number; y: number; z: number };

/**
 * A point of the lab in the headset's own (reference-space) coordinates, for a head at `head` looking
 * straight ahead: the XR origin stands where the player is, less the head's offset, turned by the
 * player's yaw less the head's (client/xr/VRLocomotion).
 */
export async function toHeadsetSpace(page: Page, world: Vec3, head: Vec3): Promise<Vec3> {
  const self = await page.evaluate(() => window.yhteistila!.self());
  const yaw = self.yaw; // the head looks straight ahead (head yaw 0)
  const cos = Math.cos(yaw);
  const sin = Math.sin(yaw);
  const origin = { x: self.x - (head.x * cos + head.z * sin), z: self.z - (-head.x * sin + head.z * cos) };
  const dx = world.x - origin.x;
  const dz = world.z - origin.z;
  return { x: dx * cos - dz * sin, y: world.y, z: dx * sin + dz * cos };
}
