import { useRef } from "react";
import { useFrame } from "@react-three/fiber";
import type { Group } from "three";
import { floorHeightAt } from "../../shared/space/layout";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { Label3D } from "../text/Label3D";
import { REACTION_SHOW_MS, useReactions, type ShownReaction } from "./reaction-store";
import { keepDrawing } from "../space/render-demand";

const COLORS = { thumbs_up: "#2f6f8f", clap: "#b5701b", heart: "#c0392b" } as const;
const ABOVE_EYES_M = 0.55;
const RISE_M = 0.25;

function Bubble({ reaction }: { reaction: ShownReaction }) {
  const t = useT();
  const { presence } = useConnection();
  const group = useRef<Group>(null);
  const started = useRef(performance.now());
  useFrame(({ camera }) => {
    const pose = presence.buffers.get(reaction.id)?.latest;
    if (!group.current) return;
    // Face the viewer; in VR the camera hangs under the XR origin, so use its world rotation.
    camera.getWorldQuaternion(group.current.quaternion);
    group.current.visible = pose !== undefined;
    if (!pose) return;
    const k = Math.min(1, (performance.now() - started.current) / REACTION_SHOW_MS);
    if (k < 1) keepDrawing();
    group.current.position.set(pose.x, floorHeightAt(pose.x, pose.z) + pose.y + ABOVE_EYES_M + k * RISE_M, pose.z);
  });
  return (
    <group ref={group} name={`reaction:${reaction.id}`}>
      <Label3D
        fontSize={0.16}
        color={COLORS[reaction.kind]}
        outlineWidth={0.014}
        outlineColor="#ffffff"
        anchorX="center"
        anchorY="bottom"
        bold
      >
        {t(`reactions.${reaction.kind}`)}
      </Label3D>
    </group>
  );
}

/** Reactions floating up above the people who sent them (one at a time each, for a few seconds). */
export function ReactionBubbles() {
  const shown = useReactions((s) => s.shown);
  return (
    <group name="reactions">
      {shown.map((reaction) => (
        <Bubble key={reaction.key} reaction={reaction} />
      ))}
    </group>
  );
}
