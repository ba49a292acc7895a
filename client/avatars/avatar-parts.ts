import type { Matrix4 } from "three";
import {
  CapsuleGeometry,
  BoxGeometry,
  Color,
  IcosahedronGeometry,
  MeshLambertMaterial,
  MeshStandardMaterial,
  OctahedronGeometry,
  Quaternion,
  SphereGeometry,
  Vector3,
  Euler,
} from "three";

/**
 * An avatar is a few simple parts drawn as instanced meshes, so a hundred people cost a handful of draw
 * calls: body, head, two round eyes showing where the face points (a visor instead for people in VR:
 * a headset others recognise), two hands, and a badge above facilitators' name tags.
 * All sizes in metres, relative to the eye position.
 */
export const PARTS = {
  body: { geometry: new CapsuleGeometry(0.21, 0.62, 3, 10), offsetY: -0.72 },
  head: { geometry: new SphereGeometry(0.15, 12, 9), offsetY: -0.02 },
  // Round, a little apart and flattened against the face: bars across the eyes read as censorship.
  eye: { geometry: new SphereGeometry(0.028, 8, 6).scale(1, 1.15, 0.6), offsetY: 0.0, forward: 0.135, side: 0.05 },
  visor: { geometry: new BoxGeometry(0.19, 0.06, 0.05), offsetY: -0.01, forward: 0.13 },
  // Flattened and longer towards -z (the fingers), so a tracked hand shows which way it points.
  hand: { geometry: new IcosahedronGeometry(0.05, 1).scale(0.9, 0.6, 1.4), offsetY: -0.78, side: 0.3, forward: 0.06 },
  // Above the name tag (see name-tags.ts), never over the name itself.
  badge: { geometry: new OctahedronGeometry(0.07, 0), offsetY: 0.52 },
} as const;

/**
 * Low-detail body, head and hands for people further than the tier's detail range: a few dozen triangles
 * each instead of a few hundred, which is what a software renderer spends its vertex time on.
 */
export const FAR_PARTS = {
  body: new CapsuleGeometry(0.21, 0.62, 1, 6),
  head: new SphereGeometry(0.15, 7, 5),
  // 20 triangles instead of 80; still longer towards the fingers, so a far VR hand shows its direction.
  hand: new IcosahedronGeometry(0.05, 0).scale(0.9, 0.6, 1.4),
} as const;

export const MAX_AVATARS = 256;

/**
 * One material for all coloured parts: colour comes per instance. Lambert rather than physically based:
 * on matte parts without an environment map the two look alike, and Lambert costs far less per pixel
 * when WebGL is drawn in software.
 */
export const partMaterial = new MeshLambertMaterial({ color: "#ffffff" });
export const eyeMaterial = new MeshLambertMaterial({ color: "#1f2933" });
export const visorMaterial = new MeshStandardMaterial({ color: "#1f2933", roughness: 0.35 });
/** The facilitator's badge glows a little; Lambert keeps it to the avatars' one cheap shader family. */
export const badgeMaterial = new MeshLambertMaterial({ color: "#f4c95d", emissive: "#5a4510" });

const AWAY_COLOR = new Color("#a9b1b8");
const WHITE = new Color("#ffffff");

/** Body colour; a greyed version while the person is reconnecting. */
export function bodyColor(hex: string, connected: boolean, out: Color): Color {
  return connected ? out.set(hex) : out.copy(AWAY_COLOR);
}

/** Heads are a lighter tint of the body colour so the two read as one person. */
export function headColor(hex: string, connected: boolean, out: Color): Color {
  return bodyColor(hex, connected, out).lerp(WHITE, 0.45);
}

/** A person in VR wears a deeper, wider visor: a headset others recognise at a glance. */
export const VR_VISOR_SCALE = new Vector3(1.2, 1.7, 2.4);

const tmpPosition = new Vector3();
const tmpQuaternion = new Quaternion();
const tmpEuler = new Euler(0, 0, 0, "YXZ");
const ONE = new Vector3(1, 1, 1);

/** World matrix of a part placed relative to the eye, turned with the body's yaw (and the head's pitch). */
export function partMatrix(
  out: Matrix4,
  eye: { x: number; y: number; z: number },
  yaw: number,
  pitch: number,
  offset: { up: number; forward?: number; side?: number },
  scale: Vector3 = ONE,
): Matrix4 {
  tmpEuler.set(pitch, yaw, 0);
  tmpQuaternion.setFromEuler(tmpEuler);
  tmpPosition.set(offset.side ?? 0, offset.up, -(offset.forward ?? 0)).applyQuaternion(tmpQuaternion);
  tmpPosition.x += eye.x;
  tmpPosition.y += eye.y;
  tmpPosition.z += eye.z;
  return out.compose(tmpPosition, tmpQuaternion, scale);
}

/** World matrix of a tracked hand: at its offset from the eye, turned as the hand is. */
export function trackedHandMatrix(
  out: Matrix4,
  eye: { x: number; y: number; z: number },
  hand: { dx: number; dy: number; dz: number; qx: number; qy: number; qz: number; qw: number },
): Matrix4 {
  tmpPosition.set(eye.x + hand.dx, eye.y + hand.dy, eye.z + hand.dz);
  tmpQuaternion.set(hand.qx, hand.qy, hand.qz, hand.qw);
  return out.compose(tmpPosition, tmpQuaternion, ONE);
}
