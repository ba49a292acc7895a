import { useMemo } from "react";
import { countWhereabouts } from "../../shared/hybrid/rules";
import type { Translate } from "../i18n/locale";
import { useT } from "../i18n/locale";
import { useSessionStore } from "../session/session-store";
import { placementIn, useHybridStore, type Placement } from "./hybrid-store";
import "./hybrid.css";

/**
 * "3 in the room · 5 remote" at the top of the People panel, while the session has a physical room:
 * whether the room or the remote people might dominate, at a glance.
 */
export function HybridCount() {
  const t = useT();
  const rooms = useHybridStore((s) => s.rooms);
  const people = useSessionStore((s) => s.people);
  const count = useMemo(
    () =>
      countWhereabouts(
        Object.values(people),
        (id) => {
          const placement = placementIn(rooms, id);
          return placement !== undefined && placement.seat !== "device";
        },
        (id) => placementIn(rooms, id)?.seat === "device",
      ),
    [people, rooms],
  );
  if (rooms.length === 0) return null;
  return (
    <p className="person__meta hybrid-count" data-testid="hybrid-count">
      {t("hybrid.count", { room: count.room, remote: count.remote })}
    </p>
  );
}

/** Where a person in a physical room is, for the People panel's line under their name. */
export function placementMeta(t: Translate, placement: Placement): string {
  return placement.seat === "device"
    ? t("hybrid.deviceMeta", { room: placement.room.name })
    : t("hybrid.inRoomMeta", { room: placement.room.name, seat: placement.seat + 1 });
}

/** The marker beside the name of someone in a physical room, or of its room device. */
export function PlacementBadge({ placement }: { placement: Placement | undefined }) {
  const t = useT();
  if (!placement) return null;
  return (
    <span className="badge badge--room" data-testid="in-room-badge">
      {placement.seat === "device" ? t("hybrid.deviceBadge") : t("hybrid.inRoomBadge")}
    </span>
  );
}
