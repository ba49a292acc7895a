import { useFrame } from "@react-three/fiber";
import type { PerspectiveCamera } from "three";
import { LAB } from "../../shared/space/layout";
import { formatClock } from "../../shared/timers/timer";
import type { BalconyZone } from "../../shared/coaching/balcony";
import { useT } from "../i18n/locale";
import { Label3D } from "../text/Label3D";
import { useZonesStore } from "../zones/zones-store";
import { useOverhead } from "./overhead-store";
import { FLAG_KEYS, useBalconyCards } from "./use-balcony";

/**
 * The lab and a margin round it, metres: what the view from above must show whatever the screen's
 * shape (the margin leaves room for the top bar and the dock over the picture's edges).
 */
const SHOWN_M = 42;
/** Lying flat, read from above with north at the top of the screen. */
const FLAT = [-Math.PI / 2, 0, 0] as const;
/** Above the walls (4.2 m), the boards and the people, so nothing hides a card. */
const CARD_HEIGHT_M = 4.6;
/** Cards wrap at this width and are kept this far inside the walls, so a zone by a wall keeps its card whole. */
const CARD_WIDTH_M = 7.5;

/**
 * The view from above: holds the camera over the middle of the lab looking straight down (after the
 * walking controls have placed it at eye level), and writes each group's balcony card flat over its
 * zone, large enough to read from up there. Nothing is drawn when the view is at eye level.
 */
export function Overhead3D() {
  const on = useOverhead((s) => s.on);
  useFrame(({ camera }) => {
    if (!on) return;
    // High enough for the whole lab to fit both ways: a phone held upright needs to be higher up.
    const { fov, aspect } = camera as PerspectiveCamera;
    const tan = Math.tan(((fov ?? 70) * Math.PI) / 360);
    const height = SHOWN_M / 2 / (tan * Math.min(1, aspect ?? 1)) + CARD_HEIGHT_M;
    camera.position.set((LAB.walls.minX + LAB.walls.maxX) / 2, height, (LAB.walls.minZ + LAB.walls.maxZ) / 2);
    camera.rotation.set(-Math.PI / 2, 0, 0, "YXZ");
  });
  return on ? <ZoneCardsOnFloor /> : null;
}

function ZoneCardsOnFloor() {
  const t = useT();
  const cards = useBalconyCards();
  const zones = useZonesStore((s) => s.zones);
  return (
    <group name="overhead-cards">
      {cards.map((card) => {
        const zone = zones.find((z) => z.id === card.id);
        // The plenary's card goes at the plenary circle's south edge, clear of the people in it.
        const at = zone ? { x: zone.x, z: zone.z } : { x: LAB.plenary.x, z: LAB.plenary.z + LAB.plenary.radius + 1.5 };
        const inside = LAB.walls.maxX - CARD_WIDTH_M / 2 - 0.3;
        at.x = Math.max(-inside, Math.min(inside, at.x));
        return (
          <group
            key={card.id || "plenary"}
            name={`overhead-card:${card.id || "plenary"}`}
            position={[at.x, CARD_HEIGHT_M, at.z]}
          >
            <Label3D
              rotation={FLAT}
              fontSize={1.2}
              bold
              color="#1d2a33"
              outlineWidth={0.1}
              outlineColor="#ffffff"
              anchorX="center"
              anchorY="bottom"
              textAlign="center"
              maxWidth={CARD_WIDTH_M}
            >
              {card.name}
            </Label3D>
            <Label3D
              rotation={FLAT}
              fontSize={0.85}
              color="#1d2a33"
              outlineWidth={0.08}
              outlineColor="#ffffff"
              anchorX="center"
              anchorY="top"
              textAlign="center"
              maxWidth={CARD_WIDTH_M}
            >
              {cardLines(card, t).join("\n")}
            </Label3D>
          </group>
        );
      })}
    </group>
  );
}

function cardLines(card: BalconyZone, t: ReturnType<typeof useT>): string[] {
  const facts = [
    t("zones.people", { count: card.members.length }),
    t("boards.noteCount", { count: card.notes }),
    card.remainingMs !== null ? formatClock(card.remainingMs) : "",
    card.ready ? t("zones.readyBadge") : "",
  ].filter(Boolean);
  return [facts.join(" · "), ...card.flags.map((flag) => `! ${t(FLAG_KEYS[flag], { count: card.hands })}`)];
}
