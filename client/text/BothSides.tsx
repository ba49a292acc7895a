import { useRef, type ReactNode } from "react";
import { useFrame } from "@react-three/fiber";
import { Vector3, type Group } from "three";

const viewer = new Vector3();

/**
 * What is printed on both faces of a sign (its text, a countdown's bar): drawn back to back, `gap`
 * metres apart, with only the face towards the viewer shown. A face seen from behind would still cost
 * a draw call per text, and a headset pays every draw call twice (once per eye).
 */
export function BothSides({ gap, children }: { gap: number; children: ReactNode }) {
  const holder = useRef<Group>(null);
  const front = useRef<Group>(null);
  const back = useRef<Group>(null);
  useFrame(({ camera }) => {
    if (!holder.current || !front.current || !back.current) return;
    holder.current.worldToLocal(camera.getWorldPosition(viewer));
    const facing = viewer.z >= 0;
    front.current.visible = facing;
    back.current.visible = !facing;
  });
  return (
    <group ref={holder}>
      <group ref={front} position-z={gap}>
        {children}
      </group>
      <group ref={back} rotation-y={Math.PI} position-z={-gap}>
        {children}
      </group>
    </group>
  );
}
