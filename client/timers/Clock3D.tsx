import type { ThreeElements } from "@react-three/fiber";
import type { TimerValue } from "../../shared/timers/timer";
import { useT } from "../i18n/locale";
import { BothSides } from "../text/BothSides";
import { Label3D } from "../text/Label3D";
import { useClockFace } from "./use-countdown";

const WIDTH = 1.2;
const BAR = WIDTH - 0.16;

/**
 * A countdown as an object in the room: a dark panel with large digits and a bar that empties, seen
 * from both sides. Nothing is drawn while the timer is idle.
 */
export function Clock3D({
  timer,
  label,
  name,
  ...group
}: { timer: TimerValue; label: string; name: string } & Omit<ThreeElements["group"], "children">) {
  const t = useT();
  const { text, fraction, warning } = useClockFace(timer);
  if (!text) return null;
  const done = timer.status === "done" || fraction === 0;
  const digits = done ? t("timers.done") : timer.status === "paused" ? `${text} ‖` : text;
  const barColor = warning ? "#e5894a" : "#8fd3c7";
  return (
    <group name={name} {...group}>
      <mesh>
        <boxGeometry args={[WIDTH, 0.56, 0.04]} />
        <meshLambertMaterial color="#1d2b38" />
      </mesh>
      <BothSides gap={0.021}>
        <Label3D
          position={[0, 0.19, 0]}
          fontSize={0.07}
          color="#c9d4dd"
          anchorX="center"
          anchorY="middle"
          maxWidth={WIDTH - 0.1}
        >
          {label}
        </Label3D>
        <Label3D
          position={[0, 0.02, 0]}
          fontSize={done ? 0.14 : 0.2}
          color={warning ? "#ffd27a" : "#ffffff"}
          anchorX="center"
          anchorY="middle"
          bold
        >
          {digits}
        </Label3D>
        <mesh position={[-BAR / 2 + (BAR * fraction) / 2, -0.18, 0.001]} scale-x={Math.max(0.001, fraction)}>
          <planeGeometry args={[BAR, 0.05]} />
          <meshBasicMaterial color={barColor} />
        </mesh>
      </BothSides>
    </group>
  );
}
