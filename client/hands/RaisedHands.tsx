import { useMemo, useRef } from "react";
import { useFrame } from "@react-three/fiber";
import {
  CapsuleGeometry,
  DynamicDrawUsage,
  Euler,
  Matrix4,
  MeshLambertMaterial,
  Quaternion,
  Vector3,
  type InstancedMesh,
} from "three";
import { floorHeightAt } from "../../shared/space/layout";
import type { Pose } from "../../shared/movement/pose-codec";
import { MAX_AVATARS } from "../avatars/avatar-parts";
import { RENDER_DELAY_MS } from "../avatars/pose-buffer";
import { useConnection } from "../session/connection-context";
import { useSessionStore } from "../session/session-store";
import { keepDrawing } from "../space/render-demand";
import { useBehindGlass } from "../methods/methods-store";

const geometry = new CapsuleGeometry(0.055, 0.32, 3, 8);
const material = new MeshLambertMaterial({ color: "#f4c95d", emissive: "#6b4e0a" });

/** A hand waves this long after it goes up, to catch the eye, then holds still (and costs no frames). */
const WAVE_MS = 4000;

/**
 * A raised hand above the head of everyone who has one up, waving gently at first so it catches the
 * eye: one instanced mesh for the whole room.
 */
export function RaisedHands() {
  const { presence } = useConnection();
  const people = useSessionStore((s) => s.people);
  const selfId = useSessionStore((s) => s.selfId);
  const behindGlass = useBehindGlass();
  const raised = useMemo(
    () =>
      Object.values(people).filter(
        (p) => p.handRaisedAt > 0 && p.id !== selfId && p.role !== "observer" && !behindGlass.has(p.id),
      ),
    [people, selfId, behindGlass],
  );
  const mesh = useRef<InstancedMesh>(null);
  /** When this browser first drew each raised hand (local time), for the wave. */
  const seenSince = useRef(new Map<string, number>());
  const scratch = useMemo(
    () => ({
      pose: { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 } as Pose,
      matrix: new Matrix4(),
      position: new Vector3(),
      quaternion: new Quaternion(),
      euler: new Euler(0, 0, 0, "YXZ"),
      scale: new Vector3(1, 1, 1),
    }),
    [],
  );

  useFrame(() => {
    const instanced = mesh.current;
    if (!instanced) return;
    const { pose, matrix, position, quaternion, euler, scale } = scratch;
    const t = performance.now();
    let count = 0;
    let waving = false;
    const since = seenSince.current;
    for (const id of since.keys()) if (!raised.some((p) => p.id === id)) since.delete(id);
    for (const person of raised) {
      const buffer = presence.buffers.get(person.id);
      if (!buffer || !buffer.sample(t - RENDER_DELAY_MS, pose) || count >= MAX_AVATARS) continue;
      if (!since.has(person.id)) since.set(person.id, t);
      const waveFor = t - since.get(person.id)!;
      const wave = waveFor < WAVE_MS ? Math.sin(t / 260 + count) * 0.18 * (1 - waveFor / WAVE_MS) : 0;
      waving ||= waveFor < WAVE_MS;
      euler.set(0, pose.yaw, -0.15 + wave);
      quaternion.setFromEuler(euler);
      // Beside and above the head, on the person's right.
      position.set(0.26, 0.38, 0).applyQuaternion(quaternion);
      position.x += pose.x;
      position.y += floorHeightAt(pose.x, pose.z) + pose.y;
      position.z += pose.z;
      instanced.setMatrixAt(count++, matrix.compose(position, quaternion, scale));
    }
    instanced.count = count;
    instanced.instanceMatrix.needsUpdate = true;
    if (waving) keepDrawing();
  });

  return (
    <instancedMesh
      name="raised-hands"
      ref={(m) => {
        mesh.current = m;
        if (m) {
          m.instanceMatrix.setUsage(DynamicDrawUsage);
          m.frustumCulled = false;
          m.count = 0;
        }
      }}
      args={[geometry, material, MAX_AVATARS]}
    />
  );
}
