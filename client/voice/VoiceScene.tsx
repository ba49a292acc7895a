import { useEffect, useMemo, useRef } from "react";
import { useFrame } from "@react-three/fiber";
import { Color, DynamicDrawUsage, Matrix4, MeshBasicMaterial, Quaternion, TorusGeometry, Vector3 } from "three";
import type { InstancedMesh } from "three";
import { floorHeightAt } from "../../shared/space/layout";
import type { Pose } from "../../shared/movement/pose-codec";
import { RENDER_DELAY_MS } from "../avatars/pose-buffer";
import { useConnection } from "../session/connection-context";
import { useSessionStore } from "../session/session-store";
import { currentVoice } from "./runtime";
import { SPEAKING_DBFS, SPEAKING_HOLD_MS, voiceMode } from "./spatial";
import { micOpen, setSpeaking, useVoiceStore, volumeOf } from "./voice-store";
import { useCoachingStore } from "../coaching/coaching-store";
import { wake } from "../space/render-demand";

/** How often voice levels are read for the speaking indicators (they need no more than this). */
const LEVEL_INTERVAL_MS = 100;
const MAX_RINGS = 16;
const SPEAKING_COLOR = new Color("#2e9e62");
const BROADCAST_COLOR = new Color("#e0a100");

/**
 * Puts voices where people stand, every frame: the listener is the camera (the headset's head pose
 * in VR), each voice its speaker's avatar, sampled from the same pose buffers the avatars are drawn
 * from so sound and picture agree. Also draws a ring round the head of whoever is speaking.
 */
export function VoiceScene() {
  const { presence } = useConnection();
  const rings = useRef<InstancedMesh>(null);
  const lastLoud = useRef(new Map<string, number>());
  const scratch = useMemo(
    () => ({
      pose: { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 } as Pose,
      position: new Vector3(),
      forward: new Vector3(),
      up: new Vector3(),
      quaternion: new Quaternion(),
      voice: new Vector3(),
      matrix: new Matrix4(),
      scale: new Vector3(),
      flat: new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), Math.PI / 2),
    }),
    [],
  );
  const geometry = useMemo(() => new TorusGeometry(0.24, 0.018, 6, 28), []);
  const material = useMemo(() => new MeshBasicMaterial({ color: "#ffffff", transparent: true, opacity: 0.9 }), []);

  // Levels are read on a timer, not per frame: the view draws only when something changes
  // (space/render-demand.ts), and someone starting to speak is such a change.
  useEffect(() => {
    const timer = setInterval(() => {
      const voice = currentVoice();
      if (!voice) return;
      const now = performance.now();
      let anyoneSpeaking = false;
      const update = (id: string, loud: boolean) => {
        if (loud) lastLoud.current.set(id, now);
        const speaking = now - (lastLoud.current.get(id) ?? -Infinity) < SPEAKING_HOLD_MS;
        setSpeaking(id, speaking);
        anyoneSpeaking ||= speaking;
      };
      voice.slots.forEach((id, index) => {
        if (id) update(id, voice.graph.slotLevel(index) > SPEAKING_DBFS);
      });
      const { selfId } = useSessionStore.getState();
      if (selfId) {
        const open = micOpen(useVoiceStore.getState());
        if (open) update(selfId, voice.micLevel() > SPEAKING_DBFS);
        else setSpeaking(selfId, false);
      }
      // The rings pulse while anyone speaks.
      if (anyoneSpeaking) wake(LEVEL_INTERVAL_MS * 2);
    }, LEVEL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, []);

  useFrame(({ camera }) => {
    const voice = currentVoice();
    if (!voice) return;
    const { position, forward, up, quaternion, pose, voice: at } = scratch;
    camera.getWorldPosition(position);
    camera.getWorldQuaternion(quaternion);
    forward.set(0, 0, -1).applyQuaternion(quaternion);
    up.set(0, 1, 0).applyQuaternion(quaternion);
    voice.graph.setListener(position, forward, up);

    const { people, selfId } = useSessionStore.getState();
    const { broadcaster } = useVoiceStore.getState();
    const selfZone = selfId ? (people[selfId]?.zone ?? "") : "";
    const t = performance.now() - RENDER_DELAY_MS;
    const now = performance.now();
    let ringCount = 0;
    const mesh = rings.current;

    const coaching = useCoachingStore.getState();
    voice.slots.forEach((id, index) => {
      // A coach has no place in the room: what they listen to, and their whisper to a facilitator,
      // is a voice at the ear (the server already chose who is heard).
      if (id && (coaching.isCoach || coaching.talking[id] !== undefined)) {
        at.copy(position).addScaledVector(forward, 1);
        voice.graph.setVoice(index, at, "broadcast", 1, volumeOf(id));
        return;
      }
      const buffer = id ? presence.buffers.get(id) : undefined;
      if (!id || !buffer || !buffer.sample(t, pose)) {
        voice.graph.silence(index);
        return;
      }
      const mode = voiceMode(selfZone, people[id]?.zone ?? "", id, broadcaster);
      at.set(pose.x, floorHeightAt(pose.x, pose.z) + pose.y, pose.z);
      const distance = at.distanceTo(position);
      // A broadcast is a voice in the room with you: straight ahead, whatever the distance.
      const from = mode === "broadcast" ? at.copy(position).addScaledVector(forward, 1) : at;
      voice.graph.setVoice(index, from, mode, distance, volumeOf(id));

      const speaking = now - (lastLoud.current.get(id) ?? -Infinity) < SPEAKING_HOLD_MS;
      if (speaking && mesh && ringCount < MAX_RINGS) {
        const pulse = 1 + 0.08 * Math.sin(now / 90);
        scratch.scale.set(pulse, pulse, pulse);
        at.set(pose.x, floorHeightAt(pose.x, pose.z) + pose.y - 0.02, pose.z);
        mesh.setMatrixAt(ringCount, scratch.matrix.compose(at, scratch.flat, scratch.scale));
        mesh.setColorAt(ringCount, id === broadcaster ? BROADCAST_COLOR : SPEAKING_COLOR);
        ringCount++;
      }
    });

    if (mesh) {
      mesh.count = ringCount;
      mesh.instanceMatrix.needsUpdate = true;
      if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    }
  });

  return (
    <instancedMesh
      ref={(mesh) => {
        rings.current = mesh;
        if (mesh) {
          mesh.instanceMatrix.setUsage(DynamicDrawUsage);
          mesh.frustumCulled = false;
          if (!mesh.instanceColor) mesh.setColorAt(0, SPEAKING_COLOR);
          mesh.count = 0;
        }
      }}
      name="voice-speaking-rings"
      args={[geometry, material, MAX_RINGS]}
    />
  );
}
