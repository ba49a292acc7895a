import { useMemo } from "react";
import { LAB } from "../../shared/space/layout";
import { occupancy } from "../../shared/zones/entry";
import { useT } from "../i18n/locale";
import { useSessionStore } from "../session/session-store";
import { BothSides } from "../text/BothSides";
import { Label3D } from "../text/Label3D";
import { Clock3D } from "../timers/Clock3D";
import { useZonesStore, type ZoneView } from "./zones-store";
import { zoneDisplayName } from "../../shared/zones/names";

/** The plenary's clock stands at the front corner of the stage, turned towards the circle. */
const PLENARY_CLOCK = { x: -5.2, z: -11.6, height: 2.5 };

function ZoneSign({ zone, people }: { zone: ZoneView; people: number }) {
  const t = useT();
  const status = [
    zone.capacity > 0 ? `${people}/${zone.capacity}` : t("zones.people", { count: people }),
    zone.locked ? t("zones.lockedBadge") : zone.capacity > 0 && people >= zone.capacity ? t("zones.fullBadge") : "",
    zone.ready ? t("zones.readyBadge") : "",
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <group position={[0, 0, -zone.radius]}>
      <mesh position-y={0.95}>
        <cylinderGeometry args={[0.03, 0.03, 1.9, 6]} />
        <meshLambertMaterial color="#8f8a80" />
      </mesh>
      <mesh position-y={2.05}>
        <boxGeometry args={[1.6, 0.5, 0.04]} />
        <meshLambertMaterial color={zone.locked ? "#6b7280" : zone.color} />
      </mesh>
      <BothSides gap={0.025}>
        <Label3D
          position={[0, 2.12, 0]}
          fontSize={0.18}
          color="#ffffff"
          anchorX="center"
          anchorY="middle"
          maxWidth={1.5}
          bold
        >
          {zoneDisplayName(zone, t)}
        </Label3D>
        <Label3D
          position={[0, 1.93, 0]}
          fontSize={0.085}
          color="#ffffff"
          anchorX="center"
          anchorY="middle"
          maxWidth={1.5}
        >
          {status}
        </Label3D>
      </BothSides>
      {zone.work && <ZoneBoard zone={zone} />}
    </group>
  );
}

/** The group's own board under its sign, only for members and facilitators: countdown and task. */
function ZoneBoard({ zone }: { zone: ZoneView }) {
  const t = useT();
  const work = zone.work!;
  return (
    <group name={`zone-board:${zone.id}`}>
      <Clock3D name={`zone-clock:${zone.id}`} timer={work.timer} label={zoneDisplayName(zone, t)} position-y={1.45} />
      {work.task && (
        <group position-y={0.75}>
          <mesh>
            <boxGeometry args={[1.6, 0.8, 0.03]} />
            <meshLambertMaterial color="#fbf8f1" />
          </mesh>
          <BothSides gap={0.02}>
            <Label3D
              name={`zone-task:${zone.id}`}
              fontSize={0.06}
              lineHeight={1.25}
              color="#1b2a38"
              anchorX="center"
              anchorY="middle"
              textAlign="left"
              maxWidth={1.45}
            >
              {work.task.length > 400 ? `${work.task.slice(0, 399)}…` : work.task}
            </Label3D>
          </BothSides>
        </group>
      )}
    </group>
  );
}

function ZoneArea({ zone, people }: { zone: ZoneView; people: number }) {
  return (
    <group name={`zone:${zone.id}`} position={[zone.x, 0, zone.z]}>
      <mesh rotation-x={-Math.PI / 2} position-y={0.004}>
        <circleGeometry args={[zone.radius, 48]} />
        {/* Lambert: matte like the floor, and a fraction of the per-pixel cost of a physical material. */}
        <meshLambertMaterial color={zone.color} transparent opacity={zone.locked ? 0.08 : 0.16} depthWrite={false} />
      </mesh>
      <mesh rotation-x={-Math.PI / 2} position-y={0.008}>
        <ringGeometry args={[zone.radius - 0.08, zone.radius, 64]} />
        <meshLambertMaterial color={zone.locked ? "#6b7280" : zone.color} transparent opacity={0.75} />
      </mesh>
      <ZoneSign zone={zone} people={people} />
    </group>
  );
}

/** Every breakout zone as the room says it is now, and the plenary's clock. */
export function ZonesLayer() {
  const t = useT();
  const zones = useZonesStore((s) => s.zones);
  const plenaryTimer = useZonesStore((s) => s.plenaryTimer);
  const people = useSessionStore((s) => s.people);
  const counts = useMemo(() => {
    const all = Object.values(people);
    return new Map(zones.map((zone) => [zone.id, occupancy(all, zone.id)]));
  }, [people, zones]);
  const { plenary } = LAB;
  return (
    <group name="zones">
      {zones.map((zone) => (
        <ZoneArea key={zone.id} zone={zone} people={counts.get(zone.id) ?? 0} />
      ))}
      <group
        position={[PLENARY_CLOCK.x, 0, PLENARY_CLOCK.z]}
        rotation-y={Math.atan2(plenary.x - PLENARY_CLOCK.x, plenary.z - PLENARY_CLOCK.z)}
      >
        {plenaryTimer.status !== "idle" && (
          <mesh position-y={PLENARY_CLOCK.height / 2}>
            <cylinderGeometry args={[0.03, 0.03, PLENARY_CLOCK.height, 6]} />
            <meshLambertMaterial color="#8f8a80" />
          </mesh>
        )}
        <Clock3D
          name="plenary-clock"
          timer={plenaryTimer}
          label={t("timers.plenary")}
          position-y={PLENARY_CLOCK.height + 0.28}
        />
      </group>
    </group>
  );
}
