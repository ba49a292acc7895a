import { useMemo, useRef } from "react";
import { useFrame } from "@react-three/fiber";
import {
  Color,
  DynamicDrawUsage,
  Matrix4,
  Quaternion,
  Vector3,
  type BufferGeometry,
  type InstancedMesh,
  type Material,
} from "three";
import { avatarHex } from "../../shared/avatars/palette";
import { floorHeightAt } from "../../shared/space/layout";
import { untrackedHand, type Pose } from "../../shared/movement/pose-codec";
import { useConnection } from "../session/connection-context";
import { useSessionStore, type PersonView } from "../session/session-store";
import { useT } from "../i18n/locale";
import { useNameTags, type TagEntry } from "./name-tags";
import { roomShown } from "../space/room-shown";
import { useVoiceStore } from "../voice/voice-store";
import { RENDER_DELAY_MS } from "./pose-buffer";
import { useQuality } from "../space/quality-store";
import { useAtTables } from "../hybrid/hybrid-store";
import {
  FAR_PARTS,
  MAX_AVATARS,
  PARTS,
  badgeMaterial,
  bodyColor,
  eyeMaterial,
  headColor,
  partMaterial,
  partMatrix,
  trackedHandMatrix,
  visorMaterial,
  VR_VISOR_SCALE,
} from "./avatar-parts";
import { useBehindGlass } from "../methods/methods-store";

function useOthers(): PersonView[] {
  const people = useSessionStore((s) => s.people);
  const selfId = useSessionStore((s) => s.selfId);
  // People in a physical room are drawn seated at its table (client/hybrid/Tables3D.tsx), not as walkers.
  const atTables = useAtTables();
  const behindGlass = useBehindGlass();
  return useMemo(
    () =>
      Object.values(people)
        .filter((p) => p.id !== selfId && p.role !== "observer" && !atTables.has(p.id) && !behindGlass.has(p.id))
        .sort((a, b) => a.joinedAt - b.joinedAt),
    [people, selfId, atTables, behindGlass],
  );
}

type PartName = "body" | "head" | "body-far" | "head-far" | "eye" | "visor" | "hand" | "hand-far" | "badge";

/**
 * Everyone else in the room, drawn from the pose buffers a little in the past so movement is smooth.
 * Parts are instanced (see avatar-parts.ts): people beyond the quality tier's detail range get the
 * low-detail body and head. Name tags are positioned here too, in one per-frame pass.
 */
export function Avatars() {
  const { presence } = useConnection();
  const others = useOthers();
  const meshes = useRef<Partial<Record<PartName, InstancedMesh>>>({});
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
      // One entry per person, reused from frame to frame; `eye` points at the entry's own vector when drawn.
      tags: [] as (TagEntry & { at: Vector3 })[],
      /** Everyone in sight was placed in the last frame (see roomShown below). */
      allPlaced: false,
      counts: {
        body: 0,
        head: 0,
        "body-far": 0,
        "head-far": 0,
        eye: 0,
        visor: 0,
        hand: 0,
        "hand-far": 0,
        badge: 0,
      } as Record<PartName, number>,
    }),
    [],
  );

  useFrame(({ camera }) => {
    const m = meshes.current;
    const { body, head, eye: eyes, visor, hand, badge } = m;
    const bodyFar = m["body-far"];
    const headFar = m["head-far"];
    const handFar = m["hand-far"];
    if (!body || !head || !bodyFar || !headFar || !eyes || !visor || !hand || !handFar || !badge) return;
    const { pose, matrix, color, eye, left, right, viewer, facing, counts, tags } = scratch;
    const { nameTagRangeM, maxNameTags, detailRangeM } = useQuality.getState().settings;
    const { speaking } = useVoiceStore.getState();
    // In VR the camera hangs under the XR origin: its world pose, not its local one, is the viewer's.
    camera.getWorldPosition(viewer);
    camera.getWorldQuaternion(facing);
    const t = performance.now() - RENDER_DELAY_MS;
    for (const key of Object.keys(counts) as PartName[]) counts[key] = 0;
    let people = 0;
    while (tags.length < others.length) tags.push({ id: "", eye: null, wanted: false, at: new Vector3() });
    tags.length = others.length;
    for (const [index, person] of others.entries()) {
      const tag = tags[index]!;
      tag.id = person.id;
      tag.eye = null;
      const buffer = presence.buffers.get(person.id);
      if (!buffer || !buffer.sample(t, pose) || people >= MAX_AVATARS) continue;
      people++;
      eye.set(pose.x, floorHeightAt(pose.x, pose.z) + pose.y, pose.z);
      const hex = avatarHex(person.color);
      const near = viewer.distanceTo(eye) < detailRangeM;
      const [bodyMesh, headMesh, handMesh, bodyKey, headKey, handKey] = near
        ? ([body, head, hand, "body", "head", "hand"] as const)
        : ([bodyFar, headFar, handFar, "body-far", "head-far", "hand-far"] as const);

      bodyMesh.setMatrixAt(counts[bodyKey], partMatrix(matrix, eye, pose.yaw, 0, { up: PARTS.body.offsetY }));
      bodyMesh.setColorAt(counts[bodyKey]++, bodyColor(hex, person.connected, color));
      headMesh.setMatrixAt(counts[headKey], partMatrix(matrix, eye, pose.yaw, pose.pitch, { up: PARTS.head.offsetY }));
      headMesh.setColorAt(counts[headKey]++, headColor(hex, person.connected, color));
      if (person.inVR) {
        const visorOffset = { up: PARTS.visor.offsetY, forward: PARTS.visor.forward };
        visor.setMatrixAt(counts.visor++, partMatrix(matrix, eye, pose.yaw, pose.pitch, visorOffset, VR_VISOR_SCALE));
      } else if (near) {
        // Eyes are a few pixels far away: only near people get them.
        for (const side of [-1, 1]) {
          const offset = { up: PARTS.eye.offsetY, forward: PARTS.eye.forward, side: side * PARTS.eye.side };
          eyes.setMatrixAt(counts.eye++, partMatrix(matrix, eye, pose.yaw, pose.pitch, offset));
        }
      }
      // In VR the hands are where the person's own hands are; an untracked hand is not drawn at all.
      const tracked = person.inVR && (presence.hands.get(person.id)?.sample(t, left, right) ?? false);
      for (const side of [-1, 1]) {
        const trackedHand = side < 0 ? left : right;
        if (tracked && !trackedHand.tracked) continue;
        if (tracked) handMesh.setMatrixAt(counts[handKey], trackedHandMatrix(matrix, eye, trackedHand));
        else {
          const offset = { up: PARTS.hand.offsetY, side: side * PARTS.hand.side, forward: PARTS.hand.forward };
          handMesh.setMatrixAt(counts[handKey], partMatrix(matrix, eye, pose.yaw, 0, offset));
        }
        handMesh.setColorAt(counts[handKey]++, headColor(hex, person.connected, color));
      }
      if (person.role === "facilitator") {
        const spin = (performance.now() / 1600) % (Math.PI * 2);
        badge.setMatrixAt(counts.badge++, partMatrix(matrix, eye, spin, 0, { up: PARTS.badge.offsetY }));
      }

      tag.eye = tag.at.copy(eye);
      tag.wanted = person.handRaisedAt > 0 || speaking[person.id] === true || person.role === "facilitator";
    }
    nameTags.placeAll(tags, viewer, facing, nameTagRangeM, maxNameTags);
    // The names and every other 3D text load once the people are on screen (space/room-shown.ts): in
    // the frame after the one that placed them all, whose drawing (in software, with the first
    // shader compiles, up to a second) has then finished. Before the state arrives, no one is in sight.
    // A coach is not among the people, so "someone is listed" says the state is here, not "I am".
    if (scratch.allPlaced) roomShown();
    else {
      const { selfId, people: everyone } = useSessionStore.getState();
      const synced = selfId !== null && Object.keys(everyone).length > 0;
      scratch.allPlaced = synced && (people === others.length || people === MAX_AVATARS);
    }
    for (const key of Object.keys(counts) as PartName[]) {
      const mesh = m[key]!;
      // Nothing to upload when a part had no instances before and has none now.
      if (mesh.count === 0 && counts[key] === 0) continue;
      mesh.count = counts[key];
      // An empty part is not even a draw call (in software every call has a fixed cost).
      mesh.visible = counts[key] > 0;
      mesh.instanceMatrix.needsUpdate = true;
      if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    }
  });

  const instanced = (
    part: PartName,
    geometry: BufferGeometry,
    material: Material,
    capacity: number,
    colored: boolean,
  ) => (
    <instancedMesh
      ref={(mesh) => {
        if (mesh) meshes.current[part] = mesh;
        else delete meshes.current[part];
        if (mesh) {
          mesh.instanceMatrix.setUsage(DynamicDrawUsage);
          // Culling would use the template geometry's bounds at the origin and hide people elsewhere.
          mesh.frustumCulled = false;
          if (colored && !mesh.instanceColor) mesh.setColorAt(0, new Color("#ffffff"));
          mesh.count = 0;
          // Hidden until it has instances: a part nobody wears (the visor of a VR visitor) is then
          // neither drawn nor compiled, and in software every shader compile delays the first frame.
          mesh.visible = false;
        }
      }}
      name={`avatar-${part}`}
      args={[geometry, material, capacity]}
    />
  );

  return (
    <group name="avatars">
      {instanced("body", PARTS.body.geometry, partMaterial, MAX_AVATARS, true)}
      {instanced("head", PARTS.head.geometry, partMaterial, MAX_AVATARS, true)}
      {instanced("body-far", FAR_PARTS.body, partMaterial, MAX_AVATARS, true)}
      {instanced("head-far", FAR_PARTS.head, partMaterial, MAX_AVATARS, true)}
      {instanced("eye", PARTS.eye.geometry, eyeMaterial, MAX_AVATARS * 2, false)}
      {instanced("visor", PARTS.visor.geometry, visorMaterial, MAX_AVATARS, false)}
      {instanced("hand", PARTS.hand.geometry, partMaterial, MAX_AVATARS * 2, true)}
      {instanced("hand-far", FAR_PARTS.hand, partMaterial, MAX_AVATARS * 2, true)}
      {instanced("badge", PARTS.badge.geometry, badgeMaterial, MAX_AVATARS, false)}
      {nameTags.batch && <primitive object={nameTags.batch} />}
    </group>
  );
}
