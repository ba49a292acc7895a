import { useT } from "../i18n/locale";
import { useSessionStore } from "../session/session-store";
import { usePlacement } from "./hybrid-store";
import "./hybrid.css";

/** A card for people taking part from a physical room: where they sit, and why their voice is off. */
export function HybridNotice() {
  const t = useT();
  const selfId = useSessionStore((s) => s.selfId);
  const placement = usePlacement(selfId);
  if (!placement) return null;
  const room = placement.room.name;
  return (
    <p className="hybrid-notice" role="status" data-testid="hybrid-notice">
      {placement.seat === "device"
        ? t("hybrid.deviceNotice", { room })
        : t("hybrid.seatedNotice", { room, seat: placement.seat + 1 })}
    </p>
  );
}
