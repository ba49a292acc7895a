import { useMemo, useRef } from "react";
import { useFrame } from "@react-three/fiber";
import { Color, DynamicDrawUsage, Matrix4, Quaternion, Vector3, type InstancedMesh } from "three";
import { avatarHex } from "../../shared/avatars/palette";
import { floorHeightAt } from "../../shared/space/layout";
import { untrackedHand, type Pose } from "../../shared/movement/pose-codec";
import { useConnection } from "../session/connection-context";
import { useSessionStore, type PersonView } from "../session/session-store";
import { useT } from "../i18n/locale";
import { useNameTags } from "./name-tags";
import { RENDER_DELAY_MS } from "./pose-buffer";
import {
  MAX_AVATARS,
  PARTS,
  badgeMaterial,
  bodyColor,
  headColor,
  partMaterial,
  partMatrix,
  trackedHandMatrix,
  visorMaterial,
  VR_VISOR_SCALE,
} from "./avatar-parts";

function useOthers(): PersonView[] {
  const people = useSessionStore((s) => s.people);
  const selfId = useSessionStore((s) => s.selfId);
  return useMemo(
    () =>
      Object.values(people)
        .filter((p) => p.id !== selfId && p.role !== "observer")
        .sort((a, b) => a.joinedAt - b.joinedAt),
    [people, selfId],
  );
}

/**
 * Everyone else in the room, drawn from the pose buffers a little in the past so movement is smooth.
 * Parts are instanced (see avatar-parts.ts); name tags are positioned here too, in one per-frame pass.
 */
export function Avatars() {
  const { presence } = useConnection();
  const others = useOthers();
  const bodies = useRef<InstancedMesh>(null);
  const heads = useRef<InstancedMesh>(null);
  const visors = useRef<InstancedMesh>(null);
  const hands = useRef<InstancedMesh>(null);
  const badges = useRef<InstancedMesh>(null);
  const translate = useT();
  const nameTags = useNameTags(others, translate);
  const scratch = useMemo(
    () => ({
      pose: { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 } as Pose,
      left: untrackedHand(),
      right: untrackedHand(),
      matrix: new Matrix4(),
      color: new Color(),
      eye: new Vector3(),
      viewer: new Vector3(),
      facing: new Quaternion(),
    }),
    [],
  );

  useFrame(({ camera }) => {
    const [body, head, visor, hand, badge] = [
      bodies.current,
      heads.current,
      visors.current,
      hands.current,
      badges.current,
    ];
    if (!body || !head || !visor || !hand || !badge) return;
    const { pose, matrix, color, eye, left, right, viewer, facing } = scratch;
    // In VR the camera hangs under the XR origin: its world pose, not its local one, is the viewer's.
    camera.getWorldPosition(viewer);
    camera.getWorldQuaternion(facing);
    const t = performance.now() - RENDER_DELAY_MS;
    let count = 0;
    let badgeCount = 0;
    let handCount = 0;
    for (const person of others) {
      const buffer = presence.buffers.get(person.id);
      if (!buffer || !buffer.sample(t, pose) || count >= MAX_AVATARS) {
        nameTags.place(person.id, null, viewer, facing);
        continue;
      }
      eye.set(pose.x, floorHeightAt(pose.x, pose.z) + pose.y, pose.z);
      const hex = avatarHex(person.color);

      body.setMatrixAt(count, partMatrix(matrix, eye, pose.yaw, 0, { up: PARTS.body.offsetY }));
      body.setColorAt(count, bodyColor(hex, person.connected, color));
      head.setMatrixAt(count, partMatrix(matrix, eye, pose.yaw, pose.pitch, { up: PARTS.head.offsetY }));
      head.setColorAt(count, headColor(hex, person.connected, color));
      const visorOffset = { up: PARTS.visor.offsetY, forward: PARTS.visor.forward };
      const visorScale = person.inVR ? VR_VISOR_SCALE : undefined;
      visor.setMatrixAt(count, partMatrix(matrix, eye, pose.yaw, pose.pitch, visorOffset, visorScale));
      // In VR the hands are where the person's own hands are; an untracked hand is not drawn at all.
      const tracked = person.inVR && (presence.hands.get(person.id)?.sample(t, left, right) ?? false);
      for (const side of [-1, 1]) {
        const trackedHand = side < 0 ? left : right;
        if (tracked && !trackedHand.tracked) continue;
        if (tracked) hand.setMatrixAt(handCount, trackedHandMatrix(matrix, eye, trackedHand));
        else {
          const offset = { up: PARTS.hand.offsetY, side: side * PARTS.hand.side, forward: PARTS.hand.forward };
          hand.setMatrixAt(handCount, partMatrix(matrix, eye, pose.yaw, 0, offset));
        }
        hand.setColorAt(handCount++, headColor(hex, person.connected, color));
      }
      if (person.role === "facilitator") {
        const spin = (performance.now() / 1600) % (Math.PI * 2);
        badge.setMatrixAt(badgeCount++, partMatrix(matrix, eye, spin, 0, { up: PARTS.badge.offsetY }));
      }

      nameTags.place(person.id, eye, viewer, facing);
      count++;
    }
    for (const [mesh, n] of [
      [body, count],
      [head, count],
      [visor, count],
      [hand, handCount],
      [badge, badgeCount],
    ] as const) {
      mesh.count = n;
      mesh.instanceMatrix.needsUpdate = true;
      if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    }
  });

  const instanced = (
    ref: React.RefObject<InstancedMesh | null>,
    part: keyof typeof PARTS,
    capacity: number,
    colored: boolean,
  ) => (
    <instancedMesh
      ref={(mesh) => {
        ref.current = mesh;
        if (mesh) {
          mesh.instanceMatrix.setUsage(DynamicDrawUsage);
          // Culling would use the template geometry's bounds at the origin and hide people elsewhere.
          mesh.frustumCulled = false;
          if (colored && !mesh.instanceColor) mesh.setColorAt(0, new Color("#ffffff"));
          mesh.count = 0;
        }
      }}
      name={`avatar-${part}`}
      args={[
        PARTS[part].geometry,
        part === "visor" ? visorMaterial : part === "badge" ? badgeMaterial : partMaterial,
        capacity,
      ]}
    />
  );

  return (
    <group name="avatars">
      {instanced(bodies, "body", MAX_AVATARS, true)}
      {instanced(heads, "head", MAX_AVATARS, true)}
      {instanced(visors, "visor", MAX_AVATARS, false)}
      {instanced(hands, "hand", MAX_AVATARS * 2, true)}
      {instanced(badges, "badge", MAX_AVATARS, false)}
      <primitive object={nameTags.batch} />
    </group>
  );
}
