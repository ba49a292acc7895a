import { useEffect, useMemo, useRef, type RefObject } from "react";
import { useFrame } from "@react-three/fiber";
import { useXR } from "@react-three/xr";
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  Euler,
  Line,
  LineBasicMaterial,
  Mesh,
  MeshBasicMaterial,
  Quaternion,
  RingGeometry,
  Vector3,
  type Group,
} from "three";
import { LAB, floorHeightAt } from "../../shared/space/layout";
import type { HandPose } from "../../shared/movement/pose-codec";
import { WALK_SPEED, useLocalPlayer } from "../movement/local-player";
import { useComfort } from "./comfort";
import { ARC_POINTS, teleportArc } from "./teleport-arc";
import { toggleVRMenu, type VRRig } from "./vr-rig";

/** Stick positions (0…1): push past AIM to start aiming a teleport, come back under RELEASE to go. */
const STICK = { aim: 0.6, release: 0.25, snap: 0.7, rearm: 0.3, dead: 0.15 } as const;
/** A headset reporting a jump longer than this in one frame lost tracking; do not walk it. */
const TRACKING_JUMP_M = 1;
const EYE_HEIGHT_RANGE = [0.4, 2.4] as const;
/** xr-standard gamepad mapping: buttons 4/5 are X/Y on the left controller, A/B on the right. */
const MENU_BUTTON = 5;

const VALID_COLOR = new Color("#2bb3a3");
const INVALID_COLOR = new Color("#d9534f");

type Hand = "left" | "right";

interface StickState {
  aiming: boolean;
  snapArmed: boolean;
  menuHeld: boolean;
}

const tmp = {
  local: new Vector3(),
  world: new Vector3(),
  direction: new Vector3(),
  quaternion: new Quaternion(),
  originQuaternion: new Quaternion(),
  euler: new Euler(0, 0, 0, "YXZ"),
};

function stickAxes(gamepad: Gamepad | undefined): [number, number] {
  if (!gamepad) return [0, 0];
  // xr-standard puts the thumbstick on axes 2/3 (0/1 are a touchpad); some runtimes only have 0/1.
  const offset = gamepad.axes.length >= 4 ? 2 : 0;
  return [gamepad.axes[offset] ?? 0, gamepad.axes[offset + 1] ?? 0];
}

/** Writes a tracked hand (or controller grip) pose, relative to the eyes, into `out`. */
function trackHand(
  frame: XRFrame,
  source: XRInputSource,
  space: XRReferenceSpace,
  origin: Group,
  eye: Vector3,
  selecting: boolean,
  out: HandPose,
): void {
  const joint = source.hand?.get("middle-finger-metacarpal");
  const pose = joint ? frame.getJointPose?.(joint, space) : source.gripSpace && frame.getPose(source.gripSpace, space);
  if (!pose) return;
  const { position: p, orientation: o } = pose.transform;
  tmp.world.set(p.x, p.y, p.z).applyMatrix4(origin.matrixWorld);
  tmp.quaternion.set(o.x, o.y, o.z, o.w).premultiply(tmp.originQuaternion);
  out.tracked = true;
  out.articulated = joint !== undefined;
  out.selecting = selecting;
  out.dx = tmp.world.x - eye.x;
  out.dy = tmp.world.y - eye.y;
  out.dz = tmp.world.z - eye.z;
  out.qx = tmp.quaternion.x;
  out.qy = tmp.quaternion.y;
  out.qz = tmp.quaternion.z;
  out.qw = tmp.quaternion.w;
}

/**
 * Moves the person in VR. The local player (x, z) is where the head is in the lab, owned as on a flat
 * screen: walking in the real room moves it (walls stop it), the left thumbstick moves it smoothly when
 * that comfort option is on, a teleport places it. The XR origin is then derived every frame so the
 * headset's view sits exactly there, turned by the snap-turn yaw; the floor of the real room is the
 * floor of the lab (the local-floor reference space), raised on the stage.
 *
 * Controls: a thumbstick pushed forward aims the teleport arc, letting go hops there; the right stick
 * flicked sideways snap-turns; Y or B toggles the menu. The trigger is never used here: it belongs to
 * the ray pointers, so aiming at an object and pulling the trigger always reaches the object.
 */
export function VRLocomotion({ origin, rig }: { origin: RefObject<Group | null>; rig: VRRig }) {
  const player = useLocalPlayer();
  const session = useXR((s) => s.session);
  const sticks = useRef<Record<Hand, StickState>>({
    left: { aiming: false, snapArmed: true, menuHeld: false },
    right: { aiming: false, snapArmed: true, menuHeld: false },
  });
  const selecting = useRef(new Set<XRInputSource>());
  const previousHead = useRef<Vector3 | null>(null);

  const arc = useMemo(() => {
    const points = new Float32Array(ARC_POINTS * 3);
    const geometry = new BufferGeometry();
    geometry.setAttribute("position", new BufferAttribute(points, 3));
    const line = new Line(geometry, new LineBasicMaterial({ color: VALID_COLOR.clone() }));
    line.name = "teleport-arc";
    line.frustumCulled = false;
    line.visible = false;
    const marker = new Mesh(
      new RingGeometry(0.18, 0.26, 32).rotateX(-Math.PI / 2),
      new MeshBasicMaterial({ color: VALID_COLOR.clone(), transparent: true, opacity: 0.9, depthWrite: false }),
    );
    marker.name = "teleport-target";
    marker.visible = false;
    return { points, geometry, line, marker };
  }, []);
  useEffect(
    () => () => {
      arc.geometry.dispose();
      arc.marker.geometry.dispose();
    },
    [arc],
  );

  useEffect(() => {
    if (!session) return;
    const set = selecting.current;
    const start = (event: XRInputSourceEvent) => set.add(event.inputSource);
    const end = (event: XRInputSourceEvent) => set.delete(event.inputSource);
    session.addEventListener("selectstart", start);
    session.addEventListener("selectend", end);
    return () => {
      session.removeEventListener("selectstart", start);
      session.removeEventListener("selectend", end);
      set.clear();
    };
  }, [session]);

  useEffect(() => {
    rig.reset();
    previousHead.current = null;
    return () => {
      // Back on a flat screen: standing eye height, no hands, and the desktop view where the head was.
      player.y = LAB.eyeHeight;
      player.hands = null;
      rig.reset();
    };
  }, [player, rig]);

  useFrame((state, rawDelta, frame: XRFrame | undefined) => {
    const group = origin.current;
    const space = state.gl.xr.getReferenceSpace();
    if (!frame || !group || !space) return;
    const viewer = frame.getViewerPose(space);
    if (!viewer) return;
    const dt = Math.min(rawDelta, 0.1);
    const now = performance.now();
    rig.frames++;
    const { position: hp, orientation: ho } = viewer.transform;
    tmp.euler.setFromQuaternion(tmp.quaternion.set(ho.x, ho.y, ho.z, ho.w));
    const headYaw = tmp.euler.y;
    const headPitch = tmp.euler.x;
    const comfort = useComfort.getState();

    if (!rig.started) {
      rig.started = true;
      rig.originYaw = player.yaw - headYaw;
      rig.lastTurnAt = -Infinity;
    }
    if (rig.faceYaw !== null) {
      rig.originYaw = rig.faceYaw - headYaw;
      rig.faceYaw = null;
      rig.lastTurnAt = now;
    }

    // 1. Walking in the real room walks in the lab, unless a wall is in the way.
    const head = tmp.local.set(hp.x, hp.y, hp.z);
    const previous = previousHead.current;
    if (previous) {
      const cos = Math.cos(rig.originYaw);
      const sin = Math.sin(rig.originYaw);
      const lx = head.x - previous.x;
      const lz = head.z - previous.z;
      if (Math.hypot(lx, lz) < TRACKING_JUMP_M) player.tryMove(lx * cos + lz * sin, -lx * sin + lz * cos);
    }
    previousHead.current = (previous ?? new Vector3()).copy(head);

    // 2. Thumbsticks and buttons.
    rig.movingSmoothly = false;
    let aimSource: XRInputSource | null = null;
    for (const source of frame.session.inputSources) {
      const hand = source.handedness;
      if ((hand !== "left" && hand !== "right") || !source.gamepad) continue;
      const stick = sticks.current[hand];
      const [x, y] = stickAxes(source.gamepad);

      const menuPressed = source.gamepad.buttons[MENU_BUTTON]?.pressed ?? false;
      if (menuPressed && !stick.menuHeld) toggleVRMenu();
      stick.menuHeld = menuPressed;

      if (hand === "left" && comfort.smoothMovement) {
        if (Math.hypot(x, y) > STICK.dead) {
          // Forward on the stick (negative y) walks where the head looks.
          const yaw = rig.originYaw + headYaw;
          const forward = -y * WALK_SPEED * dt;
          const strafe = x * WALK_SPEED * dt;
          player.tryMove(
            -Math.sin(yaw) * forward + Math.cos(yaw) * strafe,
            -Math.cos(yaw) * forward - Math.sin(yaw) * strafe,
          );
          rig.movingSmoothly = true;
        }
        continue;
      }

      if (!stick.aiming && -y > STICK.aim && Math.abs(x) < -y) stick.aiming = true;
      if (stick.aiming) {
        if (Math.hypot(x, y) < STICK.release) {
          stick.aiming = false;
          if (rig.aim?.valid) rig.teleport(rig.aim.x, rig.aim.z);
        } else aimSource = source;
        continue;
      }

      if (hand === "right") {
        if (stick.snapArmed && Math.abs(x) > STICK.snap) {
          // Stick right turns right, which is a negative yaw (yaw 0 looks towards -z).
          rig.originYaw -= Math.sign(x) * ((comfort.snapDegrees * Math.PI) / 180);
          rig.lastTurnAt = now;
          stick.snapArmed = false;
        } else if (Math.abs(x) < STICK.rearm) stick.snapArmed = true;
      }
    }

    // 3. Place the origin so the head is where the player is, turned by the snap yaw.
    const cos = Math.cos(rig.originYaw);
    const sin = Math.sin(rig.originYaw);
    group.rotation.set(0, rig.originYaw, 0);
    group.position.set(
      player.x - (hp.x * cos + hp.z * sin),
      floorHeightAt(player.x, player.z),
      player.z - (-hp.x * sin + hp.z * cos),
    );
    group.updateMatrixWorld(true);
    tmp.originQuaternion.setFromEuler(group.rotation);

    player.y = Math.max(EYE_HEIGHT_RANGE[0], Math.min(EYE_HEIGHT_RANGE[1], hp.y));
    player.yaw = rig.originYaw + headYaw;
    player.pitch = headPitch;
    // A click on the floor means "walk there" on a flat screen only.
    player.walkTarget = null;

    // 4. Hands (or controllers), relative to the eyes, for the pose sender and everyone else's view.
    const eye = tmp.direction.set(player.x, player.eyeY, player.z);
    rig.left.tracked = false;
    rig.right.tracked = false;
    for (const source of frame.session.inputSources) {
      if (source.handedness !== "left" && source.handedness !== "right") continue;
      trackHand(frame, source, space, group, eye, selecting.current.has(source), rig[source.handedness]);
    }
    player.hands = { left: rig.left, right: rig.right };

    // 5. The teleport arc and its target, while aiming.
    rig.aim = null;
    const rayPose = aimSource && frame.getPose(aimSource.targetRaySpace, space);
    if (rayPose) {
      const { position: rp, orientation: ro } = rayPose.transform;
      const from = tmp.world.set(rp.x, rp.y, rp.z).applyMatrix4(group.matrixWorld);
      const direction = tmp.local
        .set(0, 0, -1)
        .applyQuaternion(tmp.quaternion.set(ro.x, ro.y, ro.z, ro.w).premultiply(tmp.originQuaternion));
      const result = teleportArc(from, direction, player, arc.points);
      arc.geometry.setDrawRange(0, result.count);
      arc.geometry.attributes.position!.needsUpdate = true;
      const color = result.valid ? VALID_COLOR : INVALID_COLOR;
      (arc.line.material as LineBasicMaterial).color.copy(color);
      arc.line.visible = true;
      arc.marker.visible = result.hit !== null;
      if (result.hit) {
        arc.marker.position.set(result.hit.x, result.hit.y + 0.01, result.hit.z);
        (arc.marker.material as MeshBasicMaterial).color.copy(color);
        rig.aim = { x: result.hit.x, z: result.hit.z, valid: result.valid };
      }
    } else {
      arc.line.visible = false;
      arc.marker.visible = false;
    }
  }, -100);

  return (
    <>
      <primitive object={arc.line} />
      <primitive object={arc.marker} />
    </>
  );
}
